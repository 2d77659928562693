import type { TodayReason } from '@contract/today';
import type { DraftOccasion } from '../../../../src/core/draft-templates';

export const OCCASION_LABELS = {
  congratulate: 'Congratulate',
  follow_up_after_meeting: 'Follow up after meeting',
  share_resource: 'Share a resource',
  birthday: 'Birthday',
  reconnect: 'Reconnect',
  catch_up_invite: 'Invite to catch up',
  update: 'Personal update',
  holiday: 'Holiday greeting',
} satisfies Record<DraftOccasion, string>;

/** The draft a queue reason calls for: news → congratulate, a long silence → reconnect, and so on. */
export function occasionFor(reason: TodayReason | undefined): DraftOccasion {
  switch (reason?.kind) {
    case 'life_event':
    case 'job_change':
    case 'anniversary':
    case 'role_anniversary':
      return 'congratulate';
    case 'holiday':
      return 'holiday';
    case 'birthday':
      return 'birthday';
    case 'follow_up_due':
    case 'task_due':
      return 'follow_up_after_meeting';
    case 'resource_match':
      return 'share_resource';
    case 'update':
      return 'update';
    // Overdue or an unanswered message: the gap itself needs bridging before an invitation.
    case 'cadence_overdue':
    case 'retry':
      return 'reconnect';
    default:
      return 'catch_up_invite';
  }
}
