import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the GitHub and Firebase Authentication catalogs: the App JWT GitHub cannot decode, the SAML
// single sign-on and OAuth app access restrictions of organizations, and Firebase's configuration-not-found,
// app-not-authorized and invalid-app-credential (with the code the JS SDK makes of "API key not valid"). Each
// sample is text people pasted in a public thread (the thread above it; tokens redacted as posted), then
// ordinary lines with the same words that must not be read as these errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['github', 'firebase-auth']);

describe('GitHub App JWT that cannot be decoded', () => {
  it('as Octokit (JS and Ruby) and a GitHub Action print it', () => {
    // https://github.com/github-aws-runners/terraform-aws-github-runner/issues/4429
    expect(
      confident(
        '    "message": "Ignoring error: HttpError: A JSON web token could not be decoded - https://docs.github.com/rest",',
      ),
    ).toEqual(['github:app-jwt-not-decoded']);
    // https://github.com/github-developer/github-app-template/issues/19
    expect(
      confident(
        'POST https://api.github.com/app/installations/27776345/access_tokens: 401 - A JSON web token could not be decoded // See: https://docs.github.com/rest (Octokit::Unauthorized)',
      ),
    ).toEqual(['github:app-jwt-not-decoded']);
    // https://github.com/pr-triage/app/issues/91
    expect(
      confident(
        [
          '08:55:33.581Z ERROR event: {"message":"A JSON web token could not be decoded","documentation_url":"https://developer.github.com/enterprise/2.13/v3"} (id=220e4f40-a132-11e8-9db5-d4be22122988)',
          '  HttpError: {"message":"A JSON web token could not be decoded","documentation_url":"https://developer.github.com/enterprise/2.13/v3"}',
          '      at response.text.then.message (/pr-triage/node_modules/@octokit/rest/lib/request/request.js:72:19)',
        ].join('\n'),
      ),
    ).toEqual(['github:app-jwt-not-decoded']);
    // https://github.com/scala-steward-org/scala-steward-action/issues/565
    expect(
      ours(
        'Run scala-steward-org/scala-steward-action@v2.63.0\n✓ Using multiple repos file: REPOSITORIES.md\nError:  ✕ A JSON web token could not be decoded',
      ),
    ).toEqual(['github:app-jwt-not-decoded']);
    // https://github.com/octokit/auth-app.js/issues/298
    expect(best('A JSON web token could not be decoded when using installationId')).toBe('github:app-jwt-not-decoded');
  });
});

describe('GitHub organization SAML enforcement', () => {
  it('for personal, OAuth and business-wide tokens, from the REST and GraphQL APIs', () => {
    // https://github.com/mapbox/github-release-tools/issues/28
    expect(
      confident(
        ' Error: {"message":"Resource protected by organization SAML enforcement. You must grant your personal token access to this organization.","documentation_url":"https://help.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/"}',
      ),
    ).toEqual(['github:saml-enforcement']);
    // https://github.com/cli/cli/issues/2661
    expect(
      confident(
        '$ gh pr create ...\nGraphQL error: Resource protected by organization SAML enforcement. You must grant your OAuth token access to this organization.',
      ),
    ).toEqual(['github:saml-enforcement']);
    // https://github.com/microsoft/winget-create/issues/628
    expect(
      ours(
        'Unhandled exception. Octokit.ForbiddenException: Resource protected by organization SAML enforcement. You must grant your OAuth token access to this organization.\n   at Octokit.Connection.HandleErrors(IResponse response) in /_/Octokit/Http/Connection.cs:line 785',
      ),
    ).toEqual(['github:saml-enforcement']);
    // https://github.com/remotion-dev/github-unwrapped/issues/189
    expect(
      confident(
        'Resource protected by organization SAML enforcement. You must grant your 0Auth token access to an organization within this business.',
      ),
    ).toEqual(['github:saml-enforcement']);
    // https://github.com/jhu-bids/TermHub/issues/935
    expect(
      confident(
        "Response: {'message': 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', 'documentation_url': 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/', 'status': '403'}",
      ),
    ).toEqual(['github:saml-enforcement']);
    // https://github.com/mislav/hub/issues/2157
    expect(
      ours(
        '>Error creating repository: Forbidden (HTTP 403)\n>Resource protected by organization SAML enforcement. You must grant your personal token access to this organization.',
      ),
    ).toEqual(['github:saml-enforcement']);
  });
});

describe('GitHub OAuth app access restrictions', () => {
  it("the API's refusal for an organization that has not approved the app", () => {
    // https://github.com/aeonfun/aeon/issues/1083
    expect(
      confident(
        '> Although you appear to have the correct authorization credentials, the `aeonfun` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited.',
      ),
    ).toEqual(['github:oauth-app-access-restricted']);
  });
});

describe('Firebase Authentication', () => {
  it("configuration-not-found from the JS SDK, and the server's code in Android (Flutter) exceptions", () => {
    // https://github.com/lamhoang1256/netfilm/issues/6
    expect(confident('Firebase: Error (auth/configuration-not-found).')).toEqual([
      'firebase-auth:auth/configuration-not-found',
    ]);
    // https://github.com/firebase/flutterfire/issues/8636
    expect(
      confident(
        '[ERROR:flutter/lib/ui/ui_dart_state.cc(209)] Unhandled Exception: [firebase_auth/unknown] com.google.firebase.FirebaseException: An internal error has occurred. [ CONFIGURATION_NOT_FOUND ]',
      ),
    ).toEqual(['firebase-auth:CONFIGURATION_NOT_FOUND']);
    // https://github.com/TheAlphamerc/flutter_twitter_clone/issues/296
    expect(
      ours(
        '[signIn] [Error]\n[signIn] FirebaseAuthException ([firebase_auth/unknown] com.google.firebase.FirebaseException: An internal error has occurred. [ CONFIGURATION_NOT_FOUND ])\n[_emailLoginButton] Unable to login',
      ),
    ).toEqual(['firebase-auth:CONFIGURATION_NOT_FOUND']);
  });

  it("the JS SDK's code made of Identity Toolkit's API key message is the invalid API key", () => {
    // https://github.com/itsmefarhan/react-firebase-chat/issues/3
    expect(
      confident(
        'I still got error like Firebase: Error (auth/api-key-not-valid.-please-pass-a-valid-api-key.). but I double check the my values passed into evn are correct.',
      ),
    ).toEqual(['firebase-auth:auth/invalid-api-key']);
  });

  it('app-not-authorized in its Android wordings, old and new, and its codes', () => {
    // https://github.com/firebase/FirebaseUI-Android/issues/1418
    expect(
      confident(
        'This app is not authorized to use Firebase Authentication. Please verifythat the correct package name and SHA-1 are configured in the Firebase Console. [ App validation failed ]',
      ),
    ).toEqual(['firebase-auth:auth/app-not-authorized']);
    // https://github.com/firebase/quickstart-android/issues/355
    expect(
      confident(
        'error - This app is not authorized to use Firebase Authentication. Please verify that the correct package name, SHA-1, and SHA-256 are configured in the Firebase Console. [ Invalid request fields in play_integrity_token ]',
      ),
    ).toEqual(['firebase-auth:auth/app-not-authorized']);
    // https://github.com/firebase/flutterfire/issues/12774 (the issue title, cut short)
    expect(
      confident(
        '[firebase_auth]: [firebase_auth/app-not-authorized] This app is not authorized to use Firebase Authentication. Please verify that the correct package name, SHA-1, and SHA-256 are configured in the Fir',
      ),
    ).toEqual(['firebase-auth:auth/app-not-authorized']);
    // https://github.com/arnesson/cordova-plugin-firebase/issues/572
    expect(
      confident(
        'ERROR Error: Uncaught (in promise): unknown error verifying number Error instance: com.google.firebase.auth.FirebaseAuthException Error code: ERROR_APP_NOT_AUTHORIZED',
      ),
    ).toEqual(['firebase-auth:auth/app-not-authorized']);
  });

  it("the server's INVALID_APP_CREDENTIAL in an Android log", () => {
    // https://github.com/firebase/quickstart-android/issues/1264
    expect(
      ours(
        [
          '2021-03-14 23:10:05.696 3557-8359/? E/Volley: [334] NetworkUtility.d: Unexpected response code 400 for https://www.googleapis.com/identitytoolkit/v3/relyingparty/sendVerificationCode?alt=proto&key=<redacted>',
          '2021-03-14 23:10:05.697 3557-10732/? I/AuthChimeraService: Error description received from server: INVALID_APP_CREDENTIAL : App validation failed [CONTEXT service_id=16 ]',
        ].join('\n'),
      ),
    ).toEqual(['firebase-auth:auth/invalid-app-credential']);
  });
});

describe('ordinary lines with the same words', () => {
  it('are not these errors', () => {
    expect(ours('Could not decode the JSON web token payload: unexpected end of input')).toEqual([]);
    expect(ours('SAML enforcement is enabled for the acme organization since 2024-01-01')).toEqual([]);
    expect(ours('Note: OAuth App access restrictions are enabled for this organization by default.')).toEqual([]);
    expect(ours('configuration not found: /etc/app/config.yaml')).toEqual([]);
    expect(ours('CONFIGURATION_NOT_FOUND: no profile named "prod" in ~/.aws/config')).toEqual([]);
    expect(ours('This app is not authorized to access your camera.')).toEqual([]);
  });
});
