// The test accounts of the local identity providers. Every CPR number here is
// fictitious. README.md lists them for people; Playwright and the integration
// tests sign in with them by clicking the button with the account's name.

export const NSIS = {
  low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
  substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
  high: 'https://data.gov.dk/concept/core/nsis/loa/High',
};

/** Citizens of the MitID broker (claims as Signicat sends them: nin, nin_type). */
export const citizens = {
  anna: { name: 'Anna Testesen', given_name: 'Anna', family_name: 'Testesen', birthdate: '1981-03-24', nin: '2403819912', acr: NSIS.substantial },
  bo: { name: 'Bo Prøvesen', given_name: 'Bo', family_name: 'Prøvesen', birthdate: '1955-07-12', nin: '1207559987', acr: NSIS.high },
  carl: { name: 'Carl Lavsikring', given_name: 'Carl', family_name: 'Lavsikring', birthdate: '1970-11-02', nin: '0211701118', acr: NSIS.low },
  dorte: { name: 'Dorte Uden-CPR', given_name: 'Dorte', family_name: 'Uden-CPR', birthdate: '1988-05-05', nin: null, acr: NSIS.substantial },
  erik: { name: 'Erik Forkert-CPR', given_name: 'Erik', family_name: 'Forkert-CPR', birthdate: '1999-12-31', nin: '3213991234', acr: NSIS.substantial },
};

/** Staff of the municipality's workforce identity provider. */
export const staff = {
  sagsbehandler: { name: 'Sara Sagsbehandler', roles: ['caseworker'], unit: 'BS', amr: ['pwd', 'mfa'], email: 'sara@eksempel.dk' },
  kollega: { name: 'Kim Kollega', roles: ['caseworker'], unit: 'BS', amr: ['pwd', 'mfa'], email: 'kim@eksempel.dk' },
  jobcenter: { name: 'Jens Jobcenter', roles: ['caseworker'], unit: 'JC', amr: ['pwd', 'mfa'], email: 'jens@eksempel.dk' },
  jurist: { name: 'Julie Jurist', roles: ['caseworker'], unit: 'JUR', amr: ['pwd', 'mfa'], email: 'julie@eksempel.dk' },
  dpo: { name: 'Dan Databeskyttelse', roles: ['dpo'], unit: 'JUR', amr: ['pwd', 'mfa'], email: 'dpo@eksempel.dk' },
  admin: { name: 'Alma Administrator', roles: ['admin'], unit: 'JUR', amr: ['pwd', 'mfa'] },
  leder: { name: 'Lene Leder', roles: ['manager'], unit: 'BS', amr: ['pwd', 'mfa'], email: 'lene@eksempel.dk' },
  jcleder: { name: 'Jonna Jobcenterleder', roles: ['manager'], unit: 'JC', amr: ['pwd', 'mfa'], email: 'jonna@eksempel.dk' },
  efterforsker: { name: 'Ib Efterforsker', roles: ['investigator'], unit: 'IT', amr: ['pwd', 'mfa'], email: 'ib@eksempel.dk' },
  medarbejder: { name: 'Mette Medarbejder', roles: ['employee'], unit: 'BS', amr: ['pwd', 'mfa'], email: 'mette@eksempel.dk' },
  ukendt: { name: 'Ulla Ukendt-Rolle', roles: ['viewer'], unit: 'BS', amr: ['pwd', 'mfa'] },
  uden2fa: { name: 'Uffe Uden-2FA', roles: ['caseworker'], unit: 'BS', amr: ['pwd'] },
};
