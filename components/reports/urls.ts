/** Where a report's files live (app/api/awards/[awardId]/reports/[periodId]/files), for client and server components alike. */
export const reportFilesUrl = (awardId: string, periodId: string, fileId?: string) =>
  `/api/awards/${awardId}/reports/${periodId}/files${fileId ? `/${fileId}` : ''}`;
