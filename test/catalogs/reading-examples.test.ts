import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Issue 13's examples of reading real text: provider names as clues, described errors, look-alike typos
// of codes, and a named provider among equally plausible entries.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const first = (query: string) => {
  const match = resolver.lookup(query)[0];
  return match ? `${match.provider}:${match.code}(${match.confidence})` : 'nothing';
};

describe('provider names near a standard code in pasted text', () => {
  it("a provider's name on the code's line chooses its meaning, as a sure finding", () => {
    expect(
      confident(
        'Uncaught IdentityProviderException: invalid_grant in /var/www/html/payroll/xero/vendor/league/oauth2-client/src/Provider/GenericProvider.php',
      ),
      // oauth2-client's IdentityProviderException wraps the server's code; the code is Xero's
    ).toEqual(['oauth-clients:IdentityProviderException', 'xero:invalid_grant']);
  });

  it('names inside identifiers count: AppleID::Client, fastapi_keycloak', () => {
    expect(confident('AppleID::Client::Error (invalid_client):')).toEqual(['apple:invalid_client']);
    expect(confident("fastapi_keycloak.exceptions.KeycloakError: {'error': 'unauthorized_client'}")).toEqual([
      'keycloak:unauthorized_client',
    ]);
  });

  it('a name far from the code says nothing about it', () => {
    const log = [
      'migrating the xero client',
      ...Array.from({ length: 50 }, (_, i) => `step ${i} done`),
      'error=invalid_grant',
    ];
    expect(confident(log.join('\n'))).toEqual(['oauth2:invalid_grant']);
  });

  it('a name is never a finding by itself, nor part of a word', () => {
    expect(confident('okta zoom xero salesforce apple')).toEqual([]);
    expect(confident('pineapple: error=invalid_grant')).toEqual(['oauth2:invalid_grant']);
  });

  it("another provider's host or word as near outweighs a name", () => {
    expect(
      confident(
        'failed to generate Google Cloud federated token: {"error":"invalid_request","error_description":"Invalid value"}',
      ),
    ).toEqual(['google-cloud:invalid_request']);
  });
});

describe('a code written as its provider writes it', () => {
  it('chooses between meanings otherwise alike', () => {
    expect(confident("I'm getting a `400 BAD_REFRESH_TOKEN` error message")).toEqual(['hubspot:BAD_REFRESH_TOKEN']);
    expect(confident('{"error":"bad_refresh_token"}')).toEqual(['github:bad_refresh_token']);
  });

  it("a code's first letter capitalized where a sentence or a quote starts is still the code", () => {
    expect(confident('I am still getting "Consent_required" error from the token endpoint.')).toEqual([
      'oauth2:consent_required',
    ]);
    expect(first('Invalid_request error from our own authorization server')).toBe('oauth2:invalid_request(exact)');
    // Only codes of words joined by underscores: a capitalized ordinary word is HTTP's reason phrase.
    expect(confident('Unauthorized')).toEqual([]);
  });
});

describe('described errors in typed lookups', () => {
  it('ordinary English gives nothing', () => {
    expect(resolver.lookup('the quick brown fox')).toEqual([]);
    expect(resolver.lookup('configuration').map((match) => match.provider)).not.toContain('oauth-clients');
  });

  it("an HTTP reason phrase is not Auth0's unauthorized, however it is quoted", () => {
    for (const query of ['Unauthorized', '(Unauthorized)', '"title":"Unauthorized"']) {
      expect(resolver.lookup(query).filter((match) => match.confidence === 'exact')).toEqual([]);
    }
  });

  it('a description finds the entry whose distinctive words it shares, ahead of the rest, as a guess', () => {
    const [best, next] = resolver.lookup('common endpoint is not supported for this application');
    expect(first('common endpoint is not supported for this application')).toBe('entra:AADSTS50194(weak)');
    expect(best?.score).toBeGreaterThan(next?.score ?? 0);
  });
});

describe('look-alike typos of codes', () => {
  it('letters typed for the digits they look like spell that code, ahead of its neighbours', () => {
    const [best, next] = resolver.lookup('AADSTS5001l');
    expect(`${best?.provider}:${best?.code}`).toBe('entra:AADSTS50011');
    expect(best?.score).toBeGreaterThan(next?.score ?? 0);
    expect(first('EOOOOO11')).toBe('okta:E0000011(weak)');
  });
});

describe('a long description naming its provider', () => {
  it('finds the error though most of its words are about something else', () => {
    expect(
      first(
        'We use our Slack app to post build updates to channels and to search message history. After moving hosts, Slack complains that the redirect uri is wrong.',
      ),
    ).toBe('slack:bad_redirect_uri(weak)');
  });
});

describe("a library's error that carries the server's", () => {
  it("puts the error inside it first, and reads the message after it as the server's", () => {
    const [first, second] = resolver.lookup('OPError: invalid_grant (Session not active)', { limit: 3 });
    expect(`${first?.provider}:${first?.code}`).toBe('keycloak:invalid_grant');
    expect(second?.provider).not.toBe('openid-client');
    expect(confident('TokenError: The client_id and/or client_secret passed are incorrect.')).toEqual([
      'github:incorrect_client_credentials',
    ]);
  });
});

describe("a provider's own word in a described error", () => {
  it('points at it as its name would (MSAL.js method names)', () => {
    const [top] = resolver.lookup("With Edge, loginPopup fails: the login popup doesn't show up on the screen.");
    expect(top?.provider).toBe('msal');
  });
});

describe('the protocol named in a query', () => {
  it("is no provider: a Google library's error says whose invalid_grant it is, though the text says OAuth2", () => {
    expect(
      first(
        "OAuth2 RefreshError: google.auth.exceptions.RefreshError: ('invalid_grant: Bad Request', {'error': 'invalid_grant'})",
      ),
    ).toBe('google:invalid_grant(strong)');
  });
});

describe('a provider named in a typed query', () => {
  it("wins among equally plausible entries, and another provider's text is only a guess", () => {
    // Entra answers consent_required with AADSTS65001 in error_description: its reading of the code names it.
    const [consent] = resolver.lookup('consent required azure');
    expect(`${consent?.provider}:${consent?.code}(${consent?.confidence})`).toBe('entra:consent_required(exact)');
    expect(`${consent?.title} ${consent?.entry?.cause}`).toContain('AADSTS65001');
    expect(
      resolver.lookup('consent required azure').find((match) => match.provider === 'auth0')?.confidence ?? 'weak',
    ).toBe('weak');
    // NetSuite's Login Audit Trail name, in another letter case than NetSuite's InvalidRedirectURI.
    expect(first('InvalidRedirectUri netsuite')).toBe('netsuite-oauth2:InvalidRedirectURI(exact)');
    expect(first('The value of the redirect URI parameter is invalid.')).toBe(
      'netsuite-oauth2:InvalidRedirectURI(strong)',
    );
    expect(first('redirect uri mismatch okta')).toBe('okta:invalid_redirect_uri(weak)');
  });

  it('an official title typed whole is that error, though one of its words names a provider', () => {
    // `actions` names GitHub Actions; here it is a word of Keycloak's title.
    expect(first('Required actions not resolved')).toBe('keycloak:resolve_required_actions(strong)');
  });

  it("a provider's own code spelled as words comes first, clearly", () => {
    const [best, next] = resolver.lookup('nonce used');
    expect(`${best?.provider}:${best?.code}`).toBe('netsuite-tba:NonceUsed');
    expect(best?.score).toBeGreaterThan(next?.score ?? 0);
  });

  it("a word inside a code of several tokens is no code of its own there (Auth0's unauthorized in Firebase's code)", () => {
    expect(resolver.lookup('auth/unauthorized-domain in /').map((match) => match.provider)).toEqual(['firebase-auth']);
    // In a pasted error too: one finding, not Auth0's besides.
    expect(confident('FirebaseError: (auth/unauthorized-domain).')).toEqual(['firebase-auth:auth/unauthorized-domain']);
  });

  it('a code typed as its words is that code, however the provider joins them (camel case, underscores)', () => {
    expect(first('nonce used')).toBe('netsuite-tba:NonceUsed(exact)');
    expect(first('authorization request denied')).toBe('microsoft-graph:Authorization_RequestDenied(exact)');
    expect(first('invalid redirect uri netsuite')).toBe('netsuite-oauth2:InvalidRedirectURI(exact)');
    // Words of no code stay words: a described error, searched as such.
    expect(first('redirect uri mismatch azure')).toBe('entra:AADSTS50011(weak)');
  });

  it('a short question around a code written as words asks about that code', () => {
    // The title of https://github.com/intuit/oauth-jsclient/issues/77: its words alone are too common to be a
    // described error, and it had no answer at all.
    expect(first('Invalid Grant Error')).toBe('oauth2:invalid_grant(exact)');
    // A provider named beside it chooses its reading, as with the code itself.
    expect(first('okta invalid grant error')).toBe('okta:invalid_grant(exact)');
    // Another provider's code in words stays words when that provider is not named.
    expect(first('nonce used error')).not.toBe('netsuite-tba:NonceUsed(exact)');
  });

  it("a provider's name inside an identifier of a question points at it (Login-AzureRmAccount)", () => {
    const [answer] = resolver.lookup('Connect-AzureAD fails with an MFA error for an account without MFA enabled');
    expect(answer?.provider).toBe('entra');
  });

  it('an error quoted as words in a question is that code, of the provider the question names', () => {
    expect(first("Sign in with Apple keeps returning 'Invalid client' after the key rotation")).toBe(
      'apple:invalid_client(strong)',
    );
    expect(first('I keep getting "invalid grant" when refreshing my Xero token')).toBe('xero:invalid_grant(strong)');
    // A quoted documented message stays that message (jsonwebtoken's "invalid signature").
    expect(first('jwt.verify right after jwt.sign throws "invalid signature"')).toMatch(
      /^jsonwebtoken:JsonWebTokenError/,
    );
  });

  it('a code of the provider a question names, written as words in it unquoted, is that code', () => {
    expect(first('why do I get invalid client when I ask LWA for an access token with my refresh token')).toBe(
      'amazon:invalid_client(strong)',
    );
    // Without a name the words are only words; with the code written as a code, the words are its description.
    expect(first('why do I get invalid client when I ask for an access token with my refresh token')).not.toMatch(
      /^amazon:/,
    );
    expect(
      first('KeyCloak error during token request: unauthorized_client, Invalid client or Invalid client credentials'),
    ).toMatch(/^keycloak:unauthorized_client/);
  });

  it('words that are a documented message are that message, not a shorter code of the named provider inside it', () => {
    // "invalid login" spells NetSuite's INVALID_LOGIN, but "invalid login attempt" is its TBA message.
    expect(first('why does netsuite say invalid login attempt when I call the REST API')).toBe(
      'netsuite-tba:INVALID_LOGIN_ATTEMPT(strong)',
    );
  });

  it('a question opening with a name and a colon asks about that provider; a colon further on is a prefix', () => {
    expect(first('zoom: invalid access token')).toBe('zoom:124(strong)');
    expect(first('invalid access token')).not.toMatch(/^zoom:/);
    // The standard's own words before a colon are Go's log prefix, not a provider asked about.
    expect(first('oauth2: cannot fetch token: 400 Bad Request')).toBe('oauth-clients:RetrieveError(strong)');
  });

  it("a vendor's name before its product's names the product (Amazon Cognito is not Login with Amazon)", () => {
    expect(first('amazon cognito invalid_grant')).toBe('cognito:invalid_grant(exact)');
    expect(
      resolver.lookup('amazon cognito invalid_grant').find((match) => match.provider === 'amazon')?.confidence,
    ).toBe('weak');
    // Alone, the vendor's name is its own catalog's; after punctuation, two names are two providers asked.
    expect(first('amazon invalid_grant')).toBe('amazon:invalid_grant(exact)');
    const both = resolver.lookup('okta, auth0 invalid_grant').filter((match) => match.confidence === 'exact');
    expect(both.map((match) => match.provider)).toEqual(expect.arrayContaining(['okta', 'auth0']));
  });

  it("a provider's own word in a question puts its errors before another provider's short message", () => {
    // https://github.com/gladly-team/next-firebase-auth/pull/125 (its title): verifyIdToken is Firebase Admin's method;
    // "expired token" is also php-jwt's message, a short one that says nothing of whose.
    const answers = resolver.lookup('Handle verifyIdToken failing due to an expired token', { limit: 3 });
    expect(answers.slice(0, 2).map((match) => match.provider)).toEqual(['firebase-auth', 'firebase-auth']);
    expect(answers.map((match) => match.code)).toContain('auth/id-token-expired');
  });

  it('a name before another that is no vendor of it keeps its own meaning: a "gitea forge" is a Gitea server', () => {
    // https://github.com/woodpecker-ci/woodpecker/issues/5677 (its title): "forge" also names Autodesk's platform,
    // whose name does not carry Gitea's.
    const answers = resolver.lookup('Fail to auth users from manuall added gitea forge', { limit: 5 });
    expect(answers.some((match) => match.provider === 'gitea')).toBe(true);
  });
});

describe("a short message of one provider in another provider's answer", () => {
  // LinkedIn's token endpoint before 2019 answered invalid_request with the spec's words mangled, then its own
  // sentence written with a space before each colon; oidc-provider documents "missing required parameters {...}".
  it('yields to the provider named on its line', () => {
    // https://github.com/ozgur/python-linkedin/issues/62, the reported line cut after its first sentence.
    expect(
      confident(
        'linkedin.exceptions.LinkedInError: invalid_request: missing required parameters, includes an invalid parameter value, parameter more than once.',
      ),
    ).toEqual(['linkedin:invalid_request']);
  });

  it("yields to another provider's long message for the same code on its line, written with spaces before colons", () => {
    // https://github.com/ashwinks/PHP-LinkedIn-SDK/issues/30
    expect(
      confident(
        'invalid_request -- missing required parameters, includes an invalid parameter value, parameter more than once. : Unable to retrieve access token : appId or redirect uri does not match authorization code or authorization code expired',
      ),
    ).toEqual(['linkedin:invalid_request']);
  });
});

describe('a provider name typed with one slip', () => {
  it('names the provider: a letter added, two swapped, or a neighbouring key', () => {
    expect(first('keycloack invalid redirect uri')).toBe('keycloak:invalid_redirect_uri(strong)');
    expect(first('Docusing consent_required')).toBe('docusign:consent_required(exact)');
    expect(first('salesforve invalid_grant')).toBe('salesforce:invalid_grant(exact)');
  });

  it('not a word that ends otherwise or has another letter far from the key: authentic, discard', () => {
    expect(resolver.lookup('authentic login error').some((match) => match.provider === 'authentik')).toBe(false);
    expect(resolver.lookup('discard changes after login').some((match) => match.provider === 'discord')).toBe(false);
  });
});

describe("a wrapper's message beside the code it carries", () => {
  it('is listed after the carried error, not taken for a description of it', () => {
    // Grafana before version 10 logged the token exchange's failure this way (its msg= field, then the answer).
    const line =
      't=2019-06-19T16:52:44-0400 lvl=eror msg=login.OAuthLogin(NewTransportWithCode) logger=context error="oauth2: cannot fetch token: 401 Unauthorized\\nResponse: {\\"error\\":\\"invalid_client\\",\\"error_description\\":\\"AADSTS7000215: Invalid client secret provided.\\"}"';
    expect(confident(line).slice(0, 2)).toEqual(['entra:AADSTS7000215', 'grafana:auth.oauth.token.exchange']);
  });
});

describe("a message's last clause after a colon", () => {
  it('names the error alone, as people quote it without the wrapper before the colon', () => {
    // Vault's "invalid audience (aud) claim: audience claim does not match any expected audience".
    expect(first('my CI job login fails: audience claim does not match any expected audience')).toBe(
      'vault:jwt-invalid-audience(strong)',
    );
  });
});

describe('a number a question calls an error code', () => {
  it('is read as that code, though a number alone in a log is not', () => {
    expect(first('OAuth login failing with error code 4700')).toBe('zoom:4700(weak)');
    expect(confident('OAuth login failing with error code 4700')).toEqual([]);
  });
});

describe('a code written as a class of another package', () => {
  it("is that package's class: JAX-RS's NotAuthorizedException in a Keycloak log is not Cognito's", () => {
    // https://github.com/keycloak/terraform-provider-keycloak/issues/640
    const log =
      '11:18:31,365 DEBUG [org.keycloak.services.error.KeycloakErrorHandler] (default task-68) Error response 401: javax.ws.rs.NotAuthorizedException: HTTP 401 Unauthorized';
    expect(confident(log)).toEqual([]);
    // The AWS SDK's own class keeps its reading: its path names AWS.
    expect(
      confident('com.amazonaws.services.cognitoidp.model.NotAuthorizedException: Incorrect username or password.'),
    ).toContain('cognito:NotAuthorizedException');
  });
});

describe("a provider's own word in a question", () => {
  it("names that provider, not the provider a part of it names: DefaultAzureCredential is Azure Identity's", () => {
    // "Azure" inside the class name would name Entra (as AzureRmAccount does); the class is the SDK's own word.
    expect(first('DefaultAzureCredential cannot get a token in my container')).toBe(
      'azure-identity:default-credential-chain-failed(weak)',
    );
  });
});

describe("a provider's usual errors", () => {
  // The catalogs' `common` lists (github.yaml: redirect_uri_mismatch, bad_verification_code, ...).
  it('a question naming a provider and no error of it is answered with the errors most hit there', () => {
    expect(first('github login not working')).toBe('github:redirect_uri_mismatch(weak)');
    expect(resolver.lookup('github login not working', { limit: 3 }).map((match) => match.code)).toEqual([
      'redirect_uri_mismatch',
      'bad_verification_code',
      'incorrect_client_credentials',
    ]);
    // The name alone, or a channel named for the provider, asks the same.
    expect(first('github')).toBe('github:redirect_uri_mismatch(weak)');
    expect(resolver.lookup('login not working', { place: 'github-integration' })[0]?.code).toBe(
      'redirect_uri_mismatch',
    );
  });

  it('words that say which error outweigh the list; a name in a message says whose, not which', () => {
    expect(first('github app suspended')).toBe('github:application_suspended(weak)');
    expect(first('redirect uri mismatch okta')).toBe('okta:invalid_redirect_uri(weak)');
    // GitHub's "Contact support@github.com" holds the name, not the words of the question.
    expect(resolver.lookup('github login not working').map((match) => match.code)).not.toContain(
      'application_suspended',
    );
  });
});

describe('parts of documented messages', () => {
  it('a first sentence stands for its message only with three words of its own beside the value', () => {
    // UAA's "{scope} is invalid. Please use a valid scope name in the request" is not the two words "is invalid".
    expect(confident('The authorization code is invalid or has expired.')).toEqual([]);
    expect(resolver.lookup('The authorization code is invalid or has expired.')[0]?.provider).not.toBe(
      'cloudfoundry-uaa',
    );
    // Entra's "Tenant '{tenant}' not found. ..." still stands for its message, cut after its first sentence.
    expect(confident("AADSTS90002: Tenant 'contoso.onmicrosoft.com' not found.")).toEqual(['entra:AADSTS90002']);
  });
});

describe("a provider's own wording of a standard code names the provider", () => {
  it("Keycloak's invalid_client description is Keycloak's, not Salesforce's shorter text inside it", () => {
    const body = '{"error":"invalid_client","error_description":"Invalid client or Invalid client credentials"}';
    expect(confident(body)).toEqual(['keycloak:invalid_client']);
    expect(confident(`POST https://sso.example.com/realms/acme/protocol/openid-connect/token -> 401 ${body}`)).toEqual([
      'keycloak:invalid_client',
    ]);
    // The client authentication flow's own failure, whose short text Salesforce's entry also holds.
    const flow = '{"error":"invalid_client","error_description":"INVALID_CREDENTIALS: Invalid client credentials"}';
    expect(confident(flow)).toEqual(['keycloak:invalid_client']);
  });

  it("auth0-spa-js's oauthError field and a NetSuite line's invalid_grant beside an Okta line", () => {
    expect(
      confident('{"oauthError": "login_required"}\n  at Auth0Client.getTokenSilently (auth0-spa-js.production.js)'),
    ).toEqual(['auth0:login_required']);
    const log = [
      '2026-12-05 okta sync ok: https://acme.okta.com/api/v1/users',
      '2026-12-05 POST https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token -> {"error":"invalid_grant"}',
    ].join('\n');
    expect(confident(log)).toEqual(['netsuite-oauth2:invalid_grant']);
  });
});

describe('one answer per code in a lookup, in the meaning the clues rank first', () => {
  it("NetSuite's InvalidSignature: its contexts are one answer, TBA first where the text says oauth_signature", () => {
    const plain = resolver.lookup('InvalidSignature', { limit: 3 });
    const pairs = plain.map((match) => `${match.provider}:${match.code}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const oauth2 = plain.find((match) => match.provider === 'netsuite-oauth2');
    expect(oauth2?.alternatives.map((alternative) => alternative.key)).toContain(
      'netsuite-oauth2:InvalidSignature@oidc-provider',
    );
    expect(first('InvalidSignature oauth_signature realm')).toBe('netsuite-tba:InvalidSignature(exact)');
    // A message of one catalog near the code, too ordinary to be an answer of its own, also says which.
    expect(
      confident('SOAP fault from NetSuite: Invalid login attempt.\nLogin Audit Trail detail: InvalidSignature'),
    ).toContain('netsuite-tba:InvalidSignature');
    const salesforce = resolver.lookup('invalid_grant salesforce', { limit: 3 });
    expect(salesforce.filter((match) => match.provider === 'salesforce')).toHaveLength(1);
    expect(
      salesforce[0]?.alternatives.filter((alternative) => alternative.provider === 'salesforce').length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('messages as people paste them', () => {
  it('a quote is a quote: JSON-escaped, typographic, an HTML entity, or the other kind', () => {
    const json =
      '{"message":"Application with identifier \\"4f1c0000-aaaa-bbbb-cccc-1234567890ab\\" was not found in the directory \\"contoso.onmicrosoft.com\\". This can happen if the application has not been installed by the administrator of the tenant."}';
    expect(confident(json)).toEqual(['entra:AADSTS700016']);
    expect(
      confident(
        'Application with identifier &#39;4f1c&#39; was not found in the directory &#39;contoso&#39;. This can happen if the application has not been installed',
      ),
    ).toEqual(['entra:AADSTS700016']);
    expect(confident('Application with identifier “4f1c” was not found in the directory “contoso”.')).toEqual([
      'entra:AADSTS700016',
    ]);
    expect(first('"error": "JWTExpired: \\"exp\\" claim timestamp check failed"')).toMatch(/^jose:ERR_JWT_EXPIRED\(/);
  });

  it('redacted values without their quotes, and a message cut after its first sentence', () => {
    expect(first('Application with identifier <GUID> was not found in the directory <DIRECTORY GUID>')).toBe(
      'entra:AADSTS700016(strong)',
    );
    expect(
      confident("Tenant 'contoso' not found. GET https://login.microsoftonline.com/contoso/oauth2/v2.0/token 400"),
    ).toEqual(['entra:AADSTS90002']);
    // Cut short and far from anything of Entra's, the same words are only a guess.
    expect(confident("deploy: Tenant 'prod' not found in config")).toEqual([]);
  });

  it("a library named in a stack trace's frames says whose the error line above them is", () => {
    const trace = [
      'errors.tsx:9  Uncaught (in promise) Error: Service not found: http://localhost:8000',
      '    at new OAuthError2 (errors.tsx:9:11)',
      '    at utils.tsx:17:14',
      '    at step (@auth0_auth0-react.js?v=b1a3d05e:144:19)',
      '    at rejected (@auth0_auth0-react.js?v=b1a3d05e:69:32)',
    ].join('\n');
    expect(confident(trace)).toEqual(['auth0:access_denied']);
    // The same short message with Auth0 only on a later log line of its own is not the same story.
    const log = [
      '12:00:01 ERROR Service not found: http://localhost:8000',
      '12:00:02 INFO  retrying',
      '12:00:03 INFO  still retrying',
      '12:00:04 INFO  GET https://tenant.auth0.com/authorize 302',
    ].join('\n');
    expect(confident(log)).toEqual([]);
  });

  it('a short message and its own code on neighbouring lines of a pretty-printed body are one error', () => {
    const body = ['{', '"name":"invalid_grant",', '"message":"Wrong email or password.",', '"status":403', '}'].join(
      '\n',
    );
    expect(confident(body)).toEqual(['auth0:invalid_grant']);
    // Far apart in a log, they are not.
    const log = [
      '"message":"Wrong email or password."',
      'retrying in 5s',
      'retrying in 10s',
      'retrying in 20s',
      'refresh failed: invalid_grant',
    ].join('\n');
    expect(confident(log)).not.toContain('auth0:invalid_grant');
  });

  it("providers' own pages and console notices say whose an error is", () => {
    const google = ['401. That’s an error.', '', 'Error: invalid_client', '', 'The OAuth client was not found.'].join(
      '\n',
    );
    expect(confident(google)).toEqual(['google:invalid_client']);
    expect(
      confident(
        '[firebase-auth] Info: The current domain is not authorized for OAuth operations. This will prevent signInWithPopup, signInWithRedirect, linkWithPopup and linkWithRedirect from working. Add your domain (preview.example.app) to the OAuth redirect domains list.',
      ),
    ).toEqual(['firebase-auth:auth/unauthorized-domain']);
    // The older SDKs' wording, from the days of "OAuth redirect domains":
    // https://github.com/epilande/gatsby-theme-firebase/issues/230
    expect(
      confident(
        '> "This domain (gatsby-theme-firebase.netlify.app) is not authorized to run this operation. Add it to the OAuth redirect domains list in the Firebase console -> Auth section -> Sign in method tab."',
      ),
    ).toEqual(['firebase-auth:auth/unauthorized-domain']);
    expect(
      confident(
        'PlatformException(ERROR_INVALID_CREDENTIAL, The supplied auth credential is malformed or has expired.)',
      ),
    ).toEqual(['firebase-auth:auth/invalid-credential']);
    expect(first('`oauth.access` fails with `invalid_client_id`')).toMatch(
      /^slack:invalid_client_id\((exact|strong)\)$/,
    );
  });
});

describe('a response repeated on several lines', () => {
  it("is one error on each: the standard code stays the envelope of the provider's own code", () => {
    // A .NET client logs ZITADEL's refusal twice (the exception, then its message); Entra's the same way.
    const zitadel = [
      "OpenIdConnectProtocolException: Message contains error: 'invalid_request', error_description: 'Errors.AuthRequest.NotFound', error_uri: 'error_uri is null'.",
      "Message contains error: 'invalid_request', error_description: 'Errors.AuthRequest.NotFound', error_uri: 'error_uri is null', status code '404'.",
    ].join('\n');
    expect(confident(zitadel)).toEqual(['zitadel:Errors.AuthRequest.NotFound']);
    const entra = [
      'MsalServiceException: ErrorCode: invalid_grant AADSTS54005: OAuth2 Authorization code was already redeemed.',
      'retrying... ErrorCode: invalid_grant AADSTS54005: OAuth2 Authorization code was already redeemed.',
    ].join('\n');
    expect(confident(entra)).toEqual(['entra:AADSTS54005']);
  });
});

describe('a standard code from a hosted service that has no reading of its own', () => {
  it("is the standard's answer from that service, not a library's short sentence for the code", () => {
    // The body is Zoom's, as posted in https://github.com/zoom/server-to-server-oauth-token/issues/3; the request
    // line with a hosted service's token host before it is ours. Spring Security documents "unsupported grant type"
    // too, and beside its own code that sentence would vouch for Spring's reading; a host on the line outweighs it.
    // Box has no reading of unsupported_grant_type, so beside its host the code is the standard's answer.
    const box =
      "POST https://api.box.com/oauth2/token failed: Request failed with status code 400 { reason: 'unsupported grant type', error: 'unsupported_grant_type' }";
    expect(confident(box)).toEqual(['oauth2:unsupported_grant_type']);
    // Zoom's reason is now also Zoom's own message, so that sentence is no longer one provider's; Keycloak's "Unsupported
    // grant_type" is (a line composed for this test): beside Box's host the code is still Box's standard answer.
    const keycloakSentence =
      'POST https://api.box.com/oauth2/token failed: 400 {"error":"unsupported_grant_type","error_description":"Unsupported grant_type"}';
    expect(confident(keycloakSentence)).toEqual(['oauth2:unsupported_grant_type']);
    // Zoom has its own reading of the code (its token endpoint's reason), so beside Zoom's host it is Zoom's.
    const zoom =
      "POST https://api.zoom.us/oauth/token failed: Request failed with status code 400 { reason: 'unsupported grant type', error: 'unsupported_grant_type' }";
    expect(confident(zoom)).toEqual(['zoom:unsupported_grant_type']);
    // A library's word is no host: openid-client's OPError carries Keycloak's answer, read as before.
    expect(confident('OPError: invalid_grant (Session not active)')).toContain('keycloak:invalid_grant');
  });
});

describe('a link to a docs section named like an error', () => {
  it("is a link, not another provider's error of that name", () => {
    // https://github.com/joemccann/dillinger/issues/705: the error_uri's `%23redirect-uri-mismatch` is a heading of
    // GitHub's troubleshooting page; PingOne's catalog has an error spelled `redirect-uri-mismatch`.
    const callback =
      '> GET /?error=redirect_uri_mismatch&error_description=The+redirect_uri+MUST+match+the+registered+callback+URL+for+this+application.&error_uri=https%3A%2F%2Fdeveloper.github.com%2Fapps%2Fmanaging-oauth-apps%2Ftroubleshooting-authorization-request-errors%2F%23redirect-uri-mismatch HTTP/1.1 304';
    expect(confident(callback)).toEqual(['github:redirect_uri_mismatch']);
    // https://github.com/mohammed-bahumaish/prisma-editor/issues/23: the same page linked in prose.
    expect(
      confident(
        'For more info: https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#redirect-uri-mismatch',
      ),
    ).toEqual([]);
    // Written as the error, outside a link, it is PingOne's still.
    expect(confident('PingOne error: redirect-uri-mismatch')).toContain('pingidentity:redirect-uri-mismatch');
  });
});

describe("a provider's message with a standard code in its detail, looked up", () => {
  it('answers the message first: the code, with no clue to whose it is, has only its generic meaning', () => {
    // https://github.com/Azure/azure-sdk-for-net/issues/37278: Azure.Identity's message, then IMDS's answer.
    const asked =
      'ManagedIdentityCredential authentication unavailable. The requested identity has not been assigned to this resource.\nStatus: 400 (Bad Request)\n\nContent:\n{"error":"invalid_request","error_description":"Identity not found"}';
    expect(
      resolver
        .lookup(asked)
        .map((match) => `${match.provider}:${match.code}`)
        .slice(0, 2),
    ).toEqual(['azure-identity:managed-identity-not-assigned', 'oauth2:invalid_request']);
  });
});

describe('a message with emphasis or code marks inside it', () => {
  // As Slack's composer and GitHub's Markdown send them (written for this test, from catalog messages).
  it('is found in a pasted log with the marks in the middle of the message', () => {
    expect(
      confident(
        'login failed: The reply URL specified in the request does *not match* the reply URLs configured for the application: 1234',
      ),
    ).toEqual(['entra:AADSTS50011']);
    expect(
      confident(
        'Sign-in failed: This domain (demo-app.web.app) is **not authorized** to run this operation. Add it to the OAuth redirect domains list in the Firebase console -> Auth section -> Sign in method tab.',
      ),
    ).toEqual(['firebase-auth:auth/unauthorized-domain']);
  });

  it('is read in a typed lookup, a message cut short included', () => {
    expect(
      first('The reply URL specified in the request does *not match* the reply URLs configured for the application'),
    ).toBe('entra:AADSTS50011(strong)');
  });

  it("keeps a message's own backticks, which are part of what it prints", () => {
    expect(confident('Server error: `getAccessToken()` did **not** return a `user` object')).toEqual([
      'node-oauth2-server:server_error',
    ]);
  });
});

describe("a short message's words inside another sentence", () => {
  it("is no finding though its provider's package is on the line (written for this test)", () => {
    // webpack's "Module not found:" holds the words of Okta's "Not found: {resource}", in lower case after a word.
    const build = [
      'ERROR in ./node_modules/@okta/okta-auth-js/esm/browser/OktaUserAgent.js 12:3-9',
      "Module not found: Error: Can't resolve 'crypto' in '/app/node_modules/@okta/okta-auth-js/esm/browser'",
    ].join('\n');
    expect(confident(build)).toEqual([]);
    // Printed as Okta prints it, with its capital, the message is Okta's beside an Okta clue.
    expect(confident('okta users.get failed: Not found: Resource not found: 00u1abcd (User)')).toEqual([
      'okta:E0000007',
    ]);
  });
});

describe('a client library beside a standard code', () => {
  it("names the service it signs in to (its catalog's servers): MSAL's class is Entra's answer", () => {
    // As msal-browser prints a silent sign-in that needs the user (written for this test).
    expect(confident('InteractionRequiredAuthError: login_required')).toEqual([
      'msal:InteractionRequiredAuthError',
      'entra:login_required',
    ]);
    // Without the library, the code is the standard's.
    expect(confident('error: login_required')).toEqual(['oauth2:login_required']);
  });
});

describe("a provider's hint that is a prefix of names", () => {
  it('names its provider inside a longer name (DecodingKey::from_rsa_pem is the Rust crate, written for this test)', () => {
    expect(first('decode fails with InvalidSignature after DecodingKey::from_rsa_pem')).toMatch(
      /^jsonwebtoken-rs:InvalidSignature\((exact|strong)\)$/,
    );
  });
});

describe('a code written as words at the end of a sentence that introduces the log', () => {
  it('is read up to its colon in a long question naming the provider (written for this test)', () => {
    expect(
      first(
        'Our Zoho CRM sync ran fine for weeks, then the integration log filled up with errors about an INVALID TOKEN:',
      ),
    ).toMatch(/^zoho:INVALID_TOKEN\((exact|strong)\)$/);
  });
});

describe("a library's backtick in its message", () => {
  it('matches another quote, not none (written for this test)', () => {
    // openidconnect-rs prints the audience in backticks; a port of it, or the person pasting, in single quotes.
    expect(confident("login failed: Invalid audiences: 'my-client' is not a trusted audience")).toEqual([
      'openidconnect-rs:ClaimsVerificationError::InvalidAudience',
    ]);
  });
});

describe('an error listed under a heading that ends with a colon', () => {
  // Vault's CLI error as vault-agent logs it, framed and with the framed blank lines (written for this test).
  const agent = [
    '2026-12-07T10:00:00.000Z [ERROR] agent.auth.handler: error authenticating:',
    '  error=',
    '  | Error making API request.',
    '  | ',
    '  | URL: PUT https://vault.example.internal:8200/v1/auth/kubernetes/login',
    '  | Code: 403. Errors:',
    '  | ',
    '  | * permission denied',
    '   backoff=2.1s',
  ].join('\n');

  it("is read where its heading is: Vault's short message under the request it answered", () => {
    expect(confident(agent)).toEqual(['vault:permission-denied']);
  });

  it('is words like any other where no clue of its provider is near the heading', () => {
    const notes = ['Known issues:', '', '- permission denied', '- disk full'].join('\n');
    expect(confident(notes)).toEqual([]);
  });
});

describe('the error a long question quotes', () => {
  it('says which error it is better than the story around it (written for this test)', () => {
    expect(
      first(
        'We set up the launch with okta and use postman as the client; after approving the consent screen, instead of a token postman prints this in its console: `Error: The authorization code is invalid or has expired.`',
      ),
    ).toBe('okta:invalid_grant(weak)');
  });

  it('is not code the question quotes to show how it called the library', () => {
    // Without the quote reading, the words around it decide (here: no quoted error at all).
    expect(
      first(
        'on reload we call `client.getLoginFlow({ id: flowId, cookie })` and get the csrf security violation error from ory',
      ),
    ).toMatch(/^ory:security_csrf_violation\(/);
  });
});

describe('a number a question titles as an error ("Error 102:")', () => {
  it('is that error of the provider the question names', () => {
    // written for this test, in the shape people title a Graph API error
    const graph = 'Facebook Error: Error 102: Session has expired at unix time 1700000000';
    const [match] = resolver.lookup(graph);
    expect(`${match?.provider}:${match?.code}(${match?.confidence})`).toBe('meta:OAuthException(strong)');
    expect(match?.entry?.aliases).toContain('102');
  });

  it("is not read in a log, where ERROR is the line's level and the number a count", () => {
    expect(confident('graph.facebook.com answered: Error 102: API Session')).toEqual([]);
    expect(confident('ERROR 16000 login.microsoftonline.com answered AADSTS50011')).toEqual(['entra:AADSTS50011']);
  });
});

describe('spellings of one word', () => {
  it('a redirect URL is the redirect URI a message names', () => {
    expect(first('Keycloak redirect URL invalid.')).toMatch(/^keycloak:invalid_redirect_uri\(/);
  });
});

describe('a name typed as two words', () => {
  it('names the provider its joined form is, not the one either word names alone', () => {
    // passport alone names the client libraries (passport-oauth2); jose alone the Node.js library; google Google's sign-in
    expect(first('Passport JWT Unauthorized')).toMatch(/^passport-jwt:/);
    expect(first('python jose expired')).toMatch(/^python-jose:/);
    expect(first('google cloud invalid_grant')).toBe('google-cloud:invalid_grant(exact)');
  });
});

describe('a message held whole and a longer one held in part', () => {
  it('the whole one comes first, though the longer one is the commoner error', () => {
    // Keycloak's token exchange refusal, not its invalid_grant "Client not allowed to exchange code" cut short
    expect(first('Token exchange "Client not allowed to exchange"')).toMatch(/^keycloak:access_denied\(/);
  });
});
