import type { Connection } from 'mongoose';
import { auditEntryModel, type AuditEntryModel } from './audit-entry.model.js';
import { conclusionModel, type ConclusionModel } from './conclusion.model.js';
import { factsheetModel, type FactsheetModel } from './factsheet.model.js';
import { followUpNarrativeModel, type FollowUpNarrativeModel } from './follow-up-narrative.model.js';
import { investigationModel, type InvestigationModel } from './investigation.model.js';
import { judgmentModel, type JudgmentModel } from './judgment.model.js';
import { loginThrottleModel, type LoginThrottleModel } from './login-throttle.model.js';
import { mailMessageModel, type MailMessageModel } from './mail-message.model.js';
import { overviewSummaryModel, type OverviewSummaryModel } from './overview-summary.model.js';
import { passwordResetModel, type PasswordResetModel } from './password-reset.model.js';
import { rateLimitCounterModel, type RateLimitCounterModel } from './rate-limit-counter.model.js';
import { reminderLogModel, type ReminderLogModel } from './reminder-log.model.js';
import { respondentModel, type RespondentModel } from './respondent.model.js';
import { responseModel, type ResponseModel } from './response.model.js';
import { userModel, type UserModel } from './user.model.js';

export type Models = {
  Investigation: InvestigationModel;
  Respondent: RespondentModel;
  Response: ResponseModel;
  RateLimitCounter: RateLimitCounterModel;
  User: UserModel;
  LoginThrottle: LoginThrottleModel;
  PasswordReset: PasswordResetModel;
  MailMessage: MailMessageModel;
  ReminderLog: ReminderLogModel;
  AuditEntry: AuditEntryModel;
  Judgment: JudgmentModel;
  Conclusion: ConclusionModel;
  Factsheet: FactsheetModel;
  FollowUpNarrative: FollowUpNarrativeModel;
  OverviewSummary: OverviewSummaryModel;
};

/** Registers the models on a connection (idempotent: a connection keeps its compiled models). */
export function getModels(connection: Connection): Models {
  return {
    Investigation: investigationModel(connection),
    Respondent: respondentModel(connection),
    Response: responseModel(connection),
    RateLimitCounter: rateLimitCounterModel(connection),
    User: userModel(connection),
    LoginThrottle: loginThrottleModel(connection),
    PasswordReset: passwordResetModel(connection),
    MailMessage: mailMessageModel(connection),
    ReminderLog: reminderLogModel(connection),
    AuditEntry: auditEntryModel(connection),
    Judgment: judgmentModel(connection),
    Conclusion: conclusionModel(connection),
    Factsheet: factsheetModel(connection),
    FollowUpNarrative: followUpNarrativeModel(connection),
    OverviewSummary: overviewSummaryModel(connection),
  };
}

/**
 * Waits until collections and indexes exist. The respondent limit, the token lookup, unique emails and
 * the reminder log rely on unique indexes, so start-up (and tests) must not serve requests before they
 * are built.
 */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.init();
}
