import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, readingsOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Microsoft AD FS's MSIS codes, lcobucci/jwt (PHP), passport-jwt and node-jose (Node.js) as their errors show
// up in public issue threads and Q&A: each sample is text people pasted there (the thread beside it; tokens
// redacted, long traces cut), then ordinary lines with similar words that must not be read as these
// catalogs' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const OURS = ['adfs', 'lcobucci-jwt', 'passport-jwt', 'node-jose'];
const ours = (text: string) => confidentAmong(resolver, text, OURS);

describe('Microsoft AD FS', () => {
  it("the token endpoint's MSIS9612 inside invalid_grant, from Argo CD's CLI (golang.org/x/oauth2)", () => {
    // https://github.com/argoproj/argo-cd/issues/12637
    const log = [
      'FATA[0004] oauth2: cannot fetch token: 400 Bad Request',
      'Response: {"error":"invalid_grant","error_description":"MSIS9612: The authorization code received in \\u0027code\\u0027 parameter is invalid. "}',
    ].join('\n');
    expect(confident(log)).toEqual(['adfs:MSIS9612', 'oauth-clients:RetrieveError']);
  });

  it('MSIS9622 in an MSAL.js ServerError', () => {
    // https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/6915
    const msal =
      'ERROR ServerError: invalid_client: undefined - [undefined]: MSIS9622: Client authentication failed. Please verify the credential provided for client authentication is valid. - Correlation ID: undefined - Trace ID: undefined';
    expect(confident(msal)).toEqual(['adfs:MSIS9622']);
  });

  it("the UserInfo endpoint's MSIS9921 in openid-client's OPError", () => {
    // https://learn.microsoft.com/en-us/answers/questions/1180929/audience-in-access-token-issued-by-adfs-is-not-res
    const oidc =
      "OPError: invalid_token (MSIS9921: Received invalid UserInfo request. Audience 'https://resourceurl.com' in the access token is not same as the identifier of the UserInfo relying party trust 'urn:microsoft:userinfo'.)";
    expect(ours(oidc)).toEqual(['adfs:MSIS9921']);
  });

  it('error page and AD FS/Admin event texts of SAML and WS-Federation sign-ins', () => {
    // https://pastebin.com/d4s81KzL
    expect(
      confident(
        'Error 03/11/2017 09:18:42 AD FS Tracing 153 None Exception: MSIS7065: There are no registered protocol handlers on path /adfs/ls/ to process the incoming request.',
      ),
    ).toEqual(['adfs:MSIS7065']);
    // https://github.com/ManageIQ/manageiq/issues/21142
    const manageiq = [
      ' Exception details: ',
      "Microsoft.IdentityServer.Web.InvalidScopeException: MSIS7007: The requested relying party trust 'https://manageiq/' is unspecified or unsupported. If a relying party trust was specified,",
    ].join('\n');
    expect(confident(manageiq)).toEqual(['adfs:MSIS7007']);
    // https://github.com/kasmtech/workspaces-issues/issues/814
    expect(
      confident(
        'Error details: MSIS3020: The trusted party with the identifier ‘https://kasm-domain/api/metadata/?id=36b6eace629f49639e4d55c104619d01’ could not be located.',
      ),
    ).toEqual(['adfs:MSIS3020']);
    // https://github.com/Sustainsys/Saml2/issues/1445
    const saml = [
      'Error details: MSIS0018: The SAML protocol message cannot be read because it contains data that is not valid.',
      'Node name: b9d08201-609f-41c5-9075-ea3617bfb205',
      'Error time: Fri, 08 Mar 2024 10:00:27 GMT',
    ].join('\n');
    expect(confident(saml)).toEqual(['adfs:MSIS0018']);
    // https://github.com/onelogin/python-saml/pull/180
    const signed = [
      'The verification of the SAML message signature failed.',
      'Message issuer: https://dev.site.com/api/saml/metadata/',
      'Exception details:',
      "MSIS1016: Relying party trust 'https://dev.site.com/api/saml/metadata/' indicates that authentication requests sent by this relying party will be signed but no signature present.",
    ].join('\n');
    expect(confident(signed)).toEqual(['adfs:MSIS1016']);
  });

  it('loop detection (MSIS7042), as Microsoft documents it', () => {
    // https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/troubleshooting/ad-fs-tshoot-loop
    expect(
      confident(
        "MSIS7042: The same client browser session has made '6' requests in the last '11' seconds. Contact your administrator for details.",
      ),
    ).toEqual(['adfs:MSIS7042']);
  });

  it('looks up MSIS codes and their messages; an unlisted code still points to AD FS', () => {
    expect(best('MSIS9607')).toBe('adfs:MSIS9607');
    expect(best('msis7065')).toBe('adfs:MSIS7065');
    expect(best('No registered client is found with this identifier')).toBe('adfs:MSIS9607');
    // https://github.com/AzureAD/azure-activedirectory-library-for-dotnet/issues/669 (the title)
    expect(best('I keep getting error code MSIS9615')).toBe('adfs:MSIS9615');
  });
});

describe('lcobucci/jwt', () => {
  it('InvalidKeyProvided for a short HMAC key, from several frameworks', () => {
    // https://github.com/lcobucci/jwt/issues/980
    expect(
      confident(
        'Lcobucci\\JWT\\Signer\\InvalidKeyProvided: Key provided is shorter than 256 bits, only 120 bits provided in file /var/www/zhianbao/vendor/lcobucci/jwt/src/Signer/InvalidKeyProvided.php on line 39',
      ),
    ).toEqual(['lcobucci-jwt:InvalidKeyProvided']);
    // https://github.com/contao/contao/issues/5693
    const contao = [
      'Lcobucci\\JWT\\Signer\\InvalidKeyProvided:',
      'Key provided is shorter than 256 bits, only 240 bits provided',
      '',
      '  at vendor/lcobucci/jwt/src/Signer/InvalidKeyProvided.php:39',
      '  at Lcobucci\\JWT\\Signer\\InvalidKeyProvided::tooShort(256, 240)',
    ].join('\n');
    expect(confident(contao)).toEqual(['lcobucci-jwt:InvalidKeyProvided']);
    // https://github.com/lcobucci/jwt/issues/890
    expect(confident('  "hydra:description": "Key provided is shorter than 256 bits, only 80 bits provided",')).toEqual(
      ['lcobucci-jwt:InvalidKeyProvided'],
    );
    expect(readingsOf(resolver, 'Key provided is shorter than 256 bits, only 80 bits provided')).toEqual([
      'key-length',
    ]);
  });

  it("v3's malformed-token message in PHP's InvalidArgumentException, which php-jwt also throws", () => {
    // lcobucci/jwt 3.x threw PHP's own class with this message (4.x: InvalidTokenStructure). A class that needs
    // its library beside it to be that library's error does not make the message beside it a description of
    // php-jwt's error (written for this test, in the shape of a Laravel log).
    const log =
      '[2026-12-07 10:00:00] production.ERROR: InvalidArgumentException: The JWT string must have two dots in /srv/api/vendor/lcobucci/jwt/src/Parser.php:89';
    expect(confident(log)).toEqual(['lcobucci-jwt:InvalidTokenStructure']);
  });

  it('NoConstraintsGiven through bizley/yii2-jwt', () => {
    // https://github.com/bizley/yii2-jwt/issues/27
    expect(confident('No constraint given.\n/vendor/bizley/jwt/src/JwtHttpBearerAuth.php:119')).toEqual([
      'lcobucci-jwt:NoConstraintsGiven',
    ]);
  });

  it("RequiredConstraintsViolated and the violations listed under it (the library's message format)", () => {
    // The message as RequiredConstraintsViolated::fromViolations() builds it (src/Validation/RequiredConstraintsViolated.php)
    const violated = [
      'PHP Fatal error:  Uncaught Lcobucci\\JWT\\Validation\\RequiredConstraintsViolated: The token violates some mandatory constraints, details:',
      '- The token was not issued by the given issuers',
      '- The token is not allowed to be used by this audience',
    ].join('\n');
    expect(confident(violated)).toEqual([
      'lcobucci-jwt:RequiredConstraintsViolated',
      'lcobucci-jwt:ConstraintViolation',
      'lcobucci-jwt:ConstraintViolation',
    ]);
    expect(readingsOf(resolver, violated).slice(1).sort()).toEqual(['audience', 'issuer']);
    expect(confident('The token violates some mandatory constraints, details:\n- The token is expired')).toEqual([
      'lcobucci-jwt:RequiredConstraintsViolated',
      'lcobucci-jwt:ConstraintViolation',
    ]);
  });

  it('looks up its classes and, near its name, its short constraint messages', () => {
    expect(best('RequiredConstraintsViolated')).toBe('lcobucci-jwt:RequiredConstraintsViolated');
    expect(best('The JWT string must have two dots')).toBe('lcobucci-jwt:InvalidTokenStructure');
    // https://github.com/lcobucci/jwt/issues/1160 (asked about the library's expired-token violation)
    expect(best('lcobucci The token is expired')).toBe('lcobucci-jwt:ConstraintViolation');
    expect(best('lcobucci Token signature mismatch')).toBe('lcobucci-jwt:ConstraintViolation');
  });
});

describe('passport-jwt', () => {
  it('"No auth token" next to passport-jwt or its strategy', () => {
    // https://github.com/mikenicholson/passport-jwt/issues/160
    expect(
      confident(
        'If there is no Authentication header, the `passport.authenticate()`-callback gets set the info parameter to `Error: No auth token`. But the 1st error parameter is undef.',
      ),
    ).toEqual(['passport-jwt:passport-jwt-no-auth-token']);
    // https://github.com/mikenicholson/passport-jwt/issues/51 (the title)
    expect(best('Login error: No auth token')).toBe('passport-jwt:passport-jwt-no-auth-token');
  });

  it('its setup TypeErrors', () => {
    expect(confident('TypeError: JwtStrategy requires a secret or key')).toEqual([
      'passport-jwt:passport-jwt-secret-or-key-required',
    ]);
    expect(
      confident('TypeError: JwtStrategy requires a function to retrieve jwt from requests (see option jwtFromRequest)'),
    ).toEqual(['passport-jwt:passport-jwt-jwtfromrequest-required']);
  });
});

describe('node-jose', () => {
  it('"no key found" from JWS verify and JWE decrypt, read by the stack frame', () => {
    // https://github.com/cisco/node-jose/issues/386
    const singpass = [
      'Failed to get token payload {',
      "  name: 'Error',",
      "  message: 'no key found',",
      "  stack: 'Error: no key found\\n' +",
      "    '    at processSig (/Users/me/singpass/node_modules/node-jose/lib/jws/verify.js:131:22)\\n' +",
      "    '    at processTicksAndRejections (internal/process/task_queues.js:95:5)'",
      '}',
    ].join('\n');
    expect(confident(singpass)).toEqual(['node-jose:node-jose-no-key-found']);
    // https://github.com/cisco/node-jose/issues/391
    const decrypt = [
      'node_modules\\node-jose\\lib\\jwe\\decrypt.js:176',
      '              reject(new Error("no key found"));',
    ].join('\n');
    expect(confident(decrypt)).toEqual(['node-jose:node-jose-no-key-found']);
  });

  it('looks up its messages', () => {
    // https://github.com/cisco/node-jose/issues/211 (the subject)
    expect(best('node-jose no key found')).toBe('node-jose:node-jose-no-key-found');
    // JOSE.parse() on something that is not a compact JWS or JWE (lib/parse/compact.js); typed alone, "jose" names panva's jose
    expect(best('node-jose invalid jose serialization')).toBe('node-jose:node-jose-invalid-serialization');
  });
});

describe('not these catalogs', () => {
  it('ordinary lines with the same words are not sure findings of them', () => {
    // https://github.com/cisco/node-jose/issues/222: without a node-jose clue on the line, "no key found" stays unsure
    expect(ours('rejected by UnhandledPromiseRejectionWarning: Error: no key found')).toEqual([]);
    expect(ours('redis: no key found for session 8f2a, creating a new one')).toEqual([]);
    expect(ours('The token is expired')).toEqual([]);
    // Other libraries' sentences about a token's time (auth0.js's errorDescription) are not lcobucci's.
    expect(
      ours(
        '{"error":"invalid_token","errorDescription":"The token was issued in the future. Please check your computed clock."}',
      ),
    ).toEqual([]);
    expect(ours('jwt check failed: The token cannot be used yet (nbf in 30 s)')).toEqual([]);
    expect(ours('WARN session: The token is expired, please sign in again')).toEqual([]);
    expect(ours('Token signature mismatch.')).toEqual([]);
    expect(ours('api-gateway: No auth token in request to /health, returning 401')).toEqual([]);
    expect(ours('upload failed: invalid input (field "name" is required)')).toEqual([]);
    expect(ours('openssl: decryption failed or bad record mac')).toEqual([]);
    expect(ours('No constraint given.')).toEqual([]);
    expect(ours('Validation failed: ConstraintViolation on field email')).toEqual([]);
  });
});
