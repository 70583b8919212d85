import 'server-only';

// An application's data functions, each checking access itself: who may see it (access),
// the applicant's changes (lifecycle), the applicant's list (lists). The helpers they share
// (./internal) check nothing and are not exported here.
export { findVisibleApplication, getApplicationDetail, type ApplicationAccess, type ApplicationDetail } from './access';
export { reopenApplication, saveApplicationDraft, startApplication, submitApplication, withdrawApplication, type SubmitResult } from './lifecycle';
export { listMyApplications, listMyApplicationsToCall, MY_APPLICATIONS_PAGE_SIZE, type PublishedOutcome } from './lists';
