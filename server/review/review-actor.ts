import type { Actor } from '../../shared/api/review.js';
import type { UserRecord } from '../models/user.model.js';

/** Who last changed a judgment or conclusion, as stored with it and shown on the review page. */
export function reviewActor(user: UserRecord): Actor {
  return { id: user._id.toString(), name: user.name, email: user.email };
}
