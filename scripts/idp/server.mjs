// A local OpenID provider for development and tests, built on oidc-provider.
//
//   node server.mjs citizen   imitates a MitID broker (test citizens with CPR and NSIS level)
//   node server.mjs staff     imitates the municipality's workforce identity provider
//
// It listens on 127.0.0.1 only. Its login page lists the test accounts as
// buttons (no passwords). Never use it for anything but development and tests.
//
// Environment: IDP_PORT, IDP_CLIENT_ID, IDP_CLIENT_SECRET, IDP_REDIRECT_URIS and
// IDP_POST_LOGOUT_REDIRECT_URIS (comma-separated), IDP_KEY_DIR (where the
// signing key is kept across restarts).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import Provider from 'oidc-provider';

import { citizens, NSIS, staff } from './accounts.mjs';

const realm = process.argv[2];
if (realm !== 'citizen' && realm !== 'staff') {
  console.error('usage: node server.mjs citizen|staff');
  process.exit(2);
}
const required = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`test-idp: ${name} is not set`);
    process.exit(2);
  }
  return value;
};
const port = Number(process.env.IDP_PORT ?? (realm === 'citizen' ? 4000 : 4001));
const issuer = `http://127.0.0.1:${port}`;
const accounts = realm === 'citizen' ? citizens : staff;

function signingKey() {
  const dir = process.env.IDP_KEY_DIR ?? join(import.meta.dirname, '..', '..', '.local', 'idp');
  const file = join(dir, `${realm}-signing-key.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `${realm}-${randomBytes(4).toString('hex')}`, use: 'sig', alg: 'RS256' };
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

const citizenClaims = (id, account) => {
  const claims = { sub: id, name: account.name, given_name: account.given_name, family_name: account.family_name, birthdate: account.birthdate };
  if (account.nin !== null) Object.assign(claims, { nin: account.nin, nin_type: 'PERSON', nin_issuing_country: 'DK' });
  return claims;
};
const staffClaims = (id, account) => ({ sub: id, name: account.name, email: account.email, roles: account.roles, unit: account.unit });

const scopes = realm === 'citizen' ? ['openid', 'profile', 'nin'] : ['openid', 'profile', 'roles'];
const claimsByScope = realm === 'citizen'
  ? { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'birthdate'], nin: ['nin', 'nin_type', 'nin_issuing_country'], acr: null, amr: null }
  // amr rides on the roles scope, so the portal gets it without a claims
  // request parameter and can check for two-factor authentication.
  : { openid: ['sub'], profile: ['name', 'email'], roles: ['roles', 'unit', 'amr'], acr: null };

const provider = new Provider(issuer, {
  clients: [{
    client_id: required('IDP_CLIENT_ID'),
    client_secret: required('IDP_CLIENT_SECRET'),
    redirect_uris: required('IDP_REDIRECT_URIS').split(','),
    post_logout_redirect_uris: (process.env.IDP_POST_LOGOUT_REDIRECT_URIS ?? '').split(',').filter(Boolean),
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [signingKey()] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  scopes,
  claims: claimsByScope,
  acrValues: Object.values(NSIS),
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, id) => {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: () => (realm === 'citizen' ? citizenClaims(id, account) : staffClaims(id, account)) };
  },
  // Consent is granted automatically: the portal is the provider's only client.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(scopes.join(' '));
    grant.addOIDCClaims(Object.values(claimsByScope).flat().filter(Boolean).concat(['acr', 'amr']));
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 300, AccessToken: 300, AuthorizationCode: 60 },
});
provider.proxy = false;

const page = (title, body) => `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem}</style>
</head><body><main>${body}</main></body></html>`;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function logoutSource(ctx, form) {
  ctx.body = page('Log ud', `<h1>Log ud af ${realm === 'citizen' ? 'MitID (test)' : 'medarbejder-login (test)'}</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Log ud</button>`);
}
async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Logget ud', '<h1>Du er logget ud</h1>');
}

function loginPage(uid) {
  const buttons = Object.entries(accounts)
    .map(([id, account]) => `<button type="submit" name="account" value="${escape(id)}">${escape(account.name)}</button>`)
    .join('\n');
  const heading = realm === 'citizen' ? 'MitID (test): vælg en testborger' : 'Medarbejder-login (test): vælg en medarbejder';
  return page(heading, `<h1>${heading}</h1><form method="post" action="/interaction/${escape(uid)}/login">${buttons}</form>`);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const server = createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  const match = url.pathname.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (match[2] && req.method === 'POST') {
      const accountId = (await readForm(req)).get('account');
      const account = accounts[accountId];
      if (!account) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('unknown test account');
      }
      const login = realm === 'citizen'
        ? { accountId, acr: account.acr, amr: ['mitid'] }
        : { accountId, acr: NSIS.substantial, amr: account.amr };
      return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'login') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid));
    }
    // Any other prompt (consent): granted by loadExistingGrant, so finish it.
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    return res.end(`test-idp: ${error.message}`);
  }
});
server.listen(port, '127.0.0.1', () => console.log(`test-idp (${realm}) at ${issuer}`));
