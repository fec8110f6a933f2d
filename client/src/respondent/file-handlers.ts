import type { Model, Question } from 'survey-core';
import { deleteFile, fileUrl, uploadFile } from './respond-api.js';
import type { UploadedFile } from '../../../shared/api/respond.js';

/** A file answer holds the server's references only (`{id, name, size, type}`), never file content. */
function isFileReference(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

function referencesOf(value: unknown): UploadedFile[] {
  return (Array.isArray(value) ? value : [value]).filter(isFileReference);
}

/**
 * Wires every file question (found by type, whatever the questionnaire calls it) to the respondent file
 * endpoint: upload one by one, keep the returned references as the answer, delete on removal, and link
 * to the stored file for preview and download. The handlers live as long as the model.
 */
export function attachFileHandlers(model: Model, token: string): void {
  const onUpload = (
    _: Model,
    options: { question: Question; files: File[]; callback: (data: unknown[], errors?: string[]) => void },
  ) => {
    void (async () => {
      const uploaded: UploadedFile[] = [];
      const errors: string[] = [];
      for (const file of options.files) {
        const result = await uploadFile(token, file);
        if (result.kind === 'uploaded') uploaded.push(result.file);
        else errors.push(result.message);
      }
      // SurveyJS would store `{name, type, content}`; the server expects its own reference shape.
      if (uploaded.length > 0)
        options.question.value = [...referencesOf(options.question.value), ...uploaded];
      options.callback([], errors.length > 0 ? errors : undefined);
    })();
  };

  const onClear = (
    _: Model,
    options: { fileName: string | null; value: unknown; callback: (status: string, data?: unknown) => void },
  ) => {
    const references = referencesOf(options.value);
    // One named file (SurveyJS removes only the first match from the answer) or all of them.
    const targets =
      options.fileName === null
        ? references
        : references.filter((r) => r.name === options.fileName).slice(0, 1);
    void Promise.all(targets.map((r) => deleteFile(token, r.id))).then((results) => {
      if (results.every(Boolean)) options.callback('success');
      else options.callback('error', 'Het bestand kon niet worden verwijderd. Probeer het opnieuw.');
    });
  };

  const onDownload = (
    _: Model,
    options: { fileValue: unknown; callback: (status: string, data?: unknown) => void },
  ) => {
    // A link, not a download: ten 20 MB documents are not fetched just to show their names.
    if (isFileReference(options.fileValue)) options.callback('success', fileUrl(token, options.fileValue.id));
    else options.callback('error');
  };

  model.onUploadFiles.add(onUpload);
  model.onClearFiles.add(onClear);
  model.onDownloadFile.add(onDownload);
}
