/** The accounts and region every generated intent lives in. */
export const ACCOUNT = '123456789012';
export const SOURCE_ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
