/** The accounts and region every generated intent lives in. */
export const ACCOUNT = '123456789012';
export const SOURCE_ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
/** The Azure DevOps organisation generated Azure DevOps trusts belong to. */
export const AZURE_ORG = '8f2c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
