/** The Microsoft Learn pages the verdicts cite: each check, finding and alert names one as its public source. */
export const LEARN = {
  connectExchangeOnline: 'https://learn.microsoft.com/power-platform/admin/connect-exchange-online',
  troubleshooting:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/troubleshooting-monitoring-server-side-synchronization',
  bestPractices: 'https://learn.microsoft.com/power-platform/admin/best-practices-server-side-synchronization',
  filteringCorrelation: 'https://learn.microsoft.com/power-platform/admin/email-message-filtering-correlation',
  monitorErrors: 'https://learn.microsoft.com/power-platform/admin/monitor-email-processing-errors',
  emailServerProfile:
    'https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/emailserverprofile',
  troubleshootFolder:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/',
  sssErrorCodes:
    'https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-m365-integration/server-side-synchronization/',
  conditionalAccess: 'https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access',
} as const;
