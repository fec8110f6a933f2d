import { z } from 'zod';
import {
  choiceValues,
  isRecord,
  walkSurveyElements,
  type SurveyElementJson,
} from '../framework/survey-json.js';

/**
 * The zod shape check that runs before SurveyJS sees any answer. SurveyJS validates required fields,
 * validators and choices, but not value types, `maxLength` or `maxPanelCount` (measured: see DESIGN.md),
 * so this schema is derived from the questionnaire JSON, one rule per question kind.
 *
 * Unknown keys are DROPPED, not rejected: an answer for a question that is not (or no longer) in this
 * questionnaire version is noise, and rejecting it would make autosave fail for a client holding an old
 * copy. Keys containing `$` or `.` are rejected before this schema runs (see `findUnsafeKeys`).
 */

export const TEXT_MAX_LENGTH = 10_000;
export const COMMENT_MAX_LENGTH = 20_000;
export const MAX_FILES_PER_RESPONDENT = 10;
const CHOICE_VALUE_MAX_LENGTH = 1_000;
const MAX_NESTING_DEPTH = 8;

export type AnswerSchemaOptions = {
  /** Cap on panels in dynamic panels with this name (the partner nomination question). */
  panelCaps?: Readonly<Record<string, number>>;
};

/** SurveyJS element types this server knows how to shape-check; anything else fails at start-up. */
const answerTypes = [
  'text',
  'comment',
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'boolean',
  'rating',
  'file',
  'paneldynamic',
] as const;
type AnswerType = (typeof answerTypes)[number];
/** Elements without an answer of their own (expressions are computed, never accepted from clients). */
const answerlessTypes = new Set(['html', 'image', 'panel', 'page', 'expression']);

export class UnsupportedQuestionTypeError extends Error {
  constructor(
    readonly questionName: string,
    readonly type: string,
  ) {
    super(`Question "${questionName}" has type "${type}", which the respondent API cannot shape-check`);
    this.name = 'UnsupportedQuestionTypeError';
  }
}

function isAnswerType(type: string): type is AnswerType {
  return (answerTypes as readonly string[]).includes(type);
}

const fileRefSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/, 'file id must be a 24-character hex id'),
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  type: z.string().min(1).max(255),
});
export type FileRef = z.infer<typeof fileRefSchema>;

const choiceValueSchema = z.union([z.string().max(CHOICE_VALUE_MAX_LENGTH), z.number().finite()]);

/** SurveyJS keeps number inputs as numbers, but a numeric string from an older client is accepted too. */
const numberAnswerSchema = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);

/**
 * With static choices, a value outside them is refused. SurveyJS itself would keep such a value on a
 * question with an "other" item (it reads it as the other-text), and the analysis would then count a
 * choice that does not exist.
 */
function choiceSchemaFor(json: SurveyElementJson): z.ZodType {
  const dynamic = ['choicesByUrl', 'choicesFromQuestion'].some((key) => json[key] !== undefined);
  const values = choiceValues(json);
  if (dynamic || values.length === 0 || json.storeOthersAsComment === false) return choiceValueSchema;
  const allowed = new Set([...values, 'other', 'none']);
  return z
    .union([z.string(), z.number()])
    .refine((value) => allowed.has(String(value)), { message: 'not one of the choices of this question' });
}

function maxLengthOf(json: SurveyElementJson, ceiling: number): number {
  const declared = json.maxLength;
  return typeof declared === 'number' && declared > 0 ? Math.min(declared, ceiling) : ceiling;
}

function hasCompanionComment(json: SurveyElementJson): boolean {
  return [json.showOtherItem, json.hasOther, json.showCommentArea, json.hasComment].some(
    (flag) => flag === true,
  );
}

function valueNameOf(json: SurveyElementJson, name: string): string {
  return typeof json.valueName === 'string' && json.valueName !== '' ? json.valueName : name;
}

function schemaForQuestion(
  type: AnswerType,
  json: SurveyElementJson,
  name: string,
  options: AnswerSchemaOptions,
): z.ZodType {
  switch (type) {
    case 'text':
      return json.inputType === 'number' || json.inputType === 'range'
        ? numberAnswerSchema
        : z.string().max(maxLengthOf(json, TEXT_MAX_LENGTH));
    case 'comment':
      return z.string().max(maxLengthOf(json, COMMENT_MAX_LENGTH));
    case 'radiogroup':
    case 'dropdown':
      return choiceSchemaFor(json);
    case 'rating':
      return choiceValueSchema;
    case 'checkbox':
    case 'tagbox':
      // Every choice plus "other" and "none" at most once.
      return z.array(choiceSchemaFor(json)).max(choiceValues(json).length + 2);
    case 'boolean':
      return z.union([z.boolean(), choiceValueSchema]);
    case 'file':
      return z.array(fileRefSchema).max(MAX_FILES_PER_RESPONDENT);
    case 'paneldynamic': {
      const declared = typeof json.maxPanelCount === 'number' ? json.maxPanelCount : Number.POSITIVE_INFINITY;
      const cap = Math.min(declared, options.panelCaps?.[name] ?? Number.POSITIVE_INFINITY, 100);
      const template = Array.isArray(json.templateElements) ? json.templateElements : [];
      return z.array(objectSchemaFor(template, options)).max(cap);
    }
    default: {
      const unreachable: never = type;
      throw new Error(`unhandled question type ${String(unreachable)}`);
    }
  }
}

/** A zod object over the questions found in `elements` (recursing into static panels, not dynamic ones). */
function objectSchemaFor(
  elements: unknown[],
  options: AnswerSchemaOptions,
): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  const pseudoSurvey = { elements };
  for (const element of walkSurveyElements(pseudoSurvey)) {
    // Questions of nested dynamic panels are covered by their own panel's schema.
    if (element.dynamicPanel !== undefined) continue;
    if (answerlessTypes.has(element.type)) continue;
    if (!isAnswerType(element.type)) throw new UnsupportedQuestionTypeError(element.name, element.type);
    const key = valueNameOf(element.json, element.name);
    shape[key] = schemaForQuestion(element.type, element.json, element.name, options).nullish();
    if (hasCompanionComment(element.json))
      shape[`${key}-Comment`] = z.string().max(TEXT_MAX_LENGTH).nullish();
  }
  // z.object strips unknown keys (the documented "drop" policy); nulls mean "no answer" and are removed.
  return z.object(shape).transform(withoutEmptyValues);
}

function withoutEmptyValues(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  );
}

export type CompiledAnswerSchema = {
  schema: z.ZodType<Record<string, unknown>>;
  /** Names of file questions (top level), whose references must belong to the respondent. */
  fileQuestions: string[];
  /** Top-level answer keys that count for the progress estimate, and whether each is conditional. */
  progressQuestions: { key: string; conditional: boolean }[];
};

/** Builds the shape check for one questionnaire version; throws for question types it cannot check. */
export function compileAnswerSchema(
  surveyJson: unknown,
  options: AnswerSchemaOptions = {},
): CompiledAnswerSchema {
  const pages = isRecord(surveyJson) && Array.isArray(surveyJson.pages) ? surveyJson.pages : [surveyJson];
  const elements = pages.flatMap((page) =>
    isRecord(page) ? [...(Array.isArray(page.elements) ? page.elements : [])] : [],
  );
  const topLevel = walkSurveyElements({ elements }).filter(
    (element) => element.dynamicPanel === undefined && isAnswerType(element.type),
  );
  return {
    schema: objectSchemaFor(elements, options),
    fileQuestions: topLevel.filter((q) => q.type === 'file').map((q) => valueNameOf(q.json, q.name)),
    progressQuestions: topLevel.map((q) => ({
      key: valueNameOf(q.json, q.name),
      conditional: typeof q.json.visibleIf === 'string' || q.json.visible === false,
    })),
  };
}

export type UnsafeKey = { path: string; message: string };

/**
 * Keys with `$` or `.` could become MongoDB operators or dotted paths once stored; question names never
 * contain them, so any such key is an error (400), not something to drop silently.
 */
export function findUnsafeKeys(value: unknown, path = '', depth = 0): UnsafeKey[] {
  if (depth > MAX_NESTING_DEPTH) return [{ path, message: 'nested too deeply' }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => findUnsafeKeys(item, `${path}[${index}]`, depth + 1));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    const own =
      key.includes('$') || key.includes('.')
        ? [{ path: childPath, message: 'keys may not contain $ or .' }]
        : [];
    return [...own, ...findUnsafeKeys(child, childPath, depth + 1)];
  });
}

/** Share of answered questions, counting conditional questions only when answered (cheap, no SurveyJS). */
export function estimateProgress(compiled: CompiledAnswerSchema, data: Record<string, unknown>): number {
  let total = 0;
  let answered = 0;
  for (const { key, conditional } of compiled.progressQuestions) {
    const hasAnswer = isAnswered(data[key]);
    if (!conditional || hasAnswer) total += 1;
    if (hasAnswer) answered += 1;
  }
  return total === 0 ? 0 : Math.min(100, Math.round((100 * answered) / total));
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export { fileRefSchema };
