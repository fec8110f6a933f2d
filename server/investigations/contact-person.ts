import mongoose, { type Types } from 'mongoose';
import type { Config } from '../config/config.js';
import { BadRequestError } from '../errors.js';
import type { MailContact } from '../mail/templates.js';
import type { Models } from '../models/index.js';
import type { UserRecord } from '../models/user.model.js';
import type { ContactPerson } from '../../shared/api/investigations.js';

type ContactConfig = Pick<Config, 'MAIL_CONTACT' | 'MAIL_CONTACT_EMAIL'>;

/**
 * The contact person is read from the account each time (not copied into the investigation), so a
 * changed name or address reaches every later mail; a deactivated account falls back to the general
 * contact rather than sending respondents to someone who left.
 */
export async function contactPeople(
  models: Models,
  ids: (Types.ObjectId | null | undefined)[],
): Promise<Map<string, ContactPerson>> {
  const wanted = [...new Set(ids.filter((id): id is Types.ObjectId => Boolean(id)).map(String))];
  if (wanted.length === 0) return new Map();
  const users = await models.User.find(
    { _id: mongoose.trusted({ $in: wanted }), active: true },
    { name: 1, email: 1 },
  ).lean<Pick<UserRecord, '_id' | 'name' | 'email'>[]>();
  return new Map(
    users.map((u) => [u._id.toString(), { id: u._id.toString(), name: u.name, email: u.email }]),
  );
}

/** Whom the respondents of this investigation are told to contact. */
export async function mailContactFor(
  models: Models,
  config: ContactConfig,
  contactUser: Types.ObjectId | null | undefined,
): Promise<MailContact> {
  const person = contactUser
    ? (await contactPeople(models, [contactUser])).get(contactUser.toString())
    : undefined;
  return person ? { name: person.name, email: person.email, person: true } : generalContact(config);
}

export function generalContact(config: ContactConfig): MailContact {
  return { name: config.MAIL_CONTACT, email: config.MAIL_CONTACT_EMAIL, person: false };
}

/** An account that can be named as contact person: it exists and is active. */
export async function checkContactUser(models: Models, id: string): Promise<Types.ObjectId> {
  const found = mongoose.isValidObjectId(id) ? await models.User.exists({ _id: id, active: true }) : null;
  if (!found) {
    throw new BadRequestError('invalid_contact', 'The contact person must be an active account', [
      { path: 'contactUserId', message: 'unknown or inactive account' },
    ]);
  }
  return new mongoose.Types.ObjectId(id);
}

/** The accounts an inspector can choose as contact person (name + e-mail only). */
export async function listContactCandidates(models: Models): Promise<ContactPerson[]> {
  const users = await models.User.find({ active: true }, { name: 1, email: 1 })
    .sort({ name: 1 })
    .lean<Pick<UserRecord, '_id' | 'name' | 'email'>[]>();
  return users.map((u) => ({ id: u._id.toString(), name: u.name, email: u.email }));
}
