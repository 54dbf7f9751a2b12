/** The checks in the debugging order (CHECK_ORDER). Each is a pure function of the loaded input. */
import type { DiagnosisInput } from '../input';
import type { CheckId, CheckResult } from '../model';
import { alertsCheck } from './alerts';
import { appointmentsCheck } from './appointments';
import { approvalCheck } from './approval';
import { capacityCheck } from './capacity';
import { conditionalAccessCheck } from './conditional-access';
import { deliveryMethodsCheck } from './delivery-methods';
import { emailTrackingCheck } from './email-tracking';
import { itemFailuresCheck } from './item-failures';
import { mailboxTestCheck } from './mailbox-test';
import { ownerCheck } from './owner';
import { profileSettingsCheck } from './profile-settings';
import { serverProfileCheck } from './server-profile';
import { syncRecencyCheck } from './sync-recency';

export type Check = (input: DiagnosisInput) => CheckResult;

export const CHECKS: Readonly<Record<CheckId, Check>> = {
  approval: approvalCheck,
  owner: ownerCheck,
  'server-profile': serverProfileCheck,
  'profile-settings': profileSettingsCheck,
  'delivery-methods': deliveryMethodsCheck,
  alerts: alertsCheck,
  'mailbox-test': mailboxTestCheck,
  'sync-recency': syncRecencyCheck,
  'item-failures': itemFailuresCheck,
  capacity: capacityCheck,
  appointments: appointmentsCheck,
  'conditional-access': conditionalAccessCheck,
  'email-tracking': emailTrackingCheck,
};
