import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the Google (API key ErrorInfo reasons), Firebase Authentication and Twitch catalogs. Every sample is
// written for this test (fake keys, projects, apps and hosts), in the shape the service prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);

describe("Google APIs' API_KEY_INVALID (a name of ours, the reason its alias)", () => {
  it('the error body with its reason, and the "not found" wording alone', () => {
    // written for this test
    const body =
      '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"translate.googleapis.com"}}]}}';
    expect(sure(body)).toEqual(['google:api-key-not-valid strong']);
    expect(sure('API Key not found. Please pass a valid API key.')).toEqual(['google:api-key-not-valid strong']);
    expect(firstLookup('google api key not valid')).toBe('google:api-key-not-valid exact');
    expect(firstLookup('API_KEY_INVALID')).toBe('google:api-key-not-valid strong');
  });

  it('the same sentence beside a Firebase clue reads as Firebase Authentication, not as Google', () => {
    // written for this test
    const log = [
      'POST https://identitytoolkit.googleapis.com/v1/accounts:signUp?key=AIzaFAKEFAKEFAKE',
      '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","errors":[{"message":"API key not valid. Please pass a valid API key.","domain":"global","reason":"badRequest"}],"status":"INVALID_ARGUMENT"}}',
    ].join('\n');
    expect(sure(log)).toEqual(['firebase-auth:rest-api-key-not-valid strong']);
    expect(sure('FirebaseError: API key not valid. Please pass a valid API key.')).toEqual([
      'firebase-auth:rest-api-key-not-valid strong',
    ]);
    // With no clue at all, both readings are offered.
    expect(sure('API key not valid. Please pass a valid API key.').sort()).toEqual([
      'firebase-auth:rest-api-key-not-valid strong',
      'google:api-key-not-valid strong',
    ]);
  });
});

describe("Google APIs' API key restrictions", () => {
  it('website, Android, iOS, IP address and API restrictions, each by its message', () => {
    // written for this test
    const referer =
      '{"error":{"code":403,"message":"Requests from referer <empty> are blocked.","status":"PERMISSION_DENIED","details":[{"reason":"API_KEY_HTTP_REFERRER_BLOCKED"}]}}';
    expect(sure(referer)).toContain('google:API_KEY_HTTP_REFERRER_BLOCKED exact');
    expect(sure('Requests from this Android client application com.example.fakeapp are blocked.')).toEqual([
      'google:API_KEY_ANDROID_APP_BLOCKED strong',
    ]);
    expect(sure('Requests from this iOS client application <empty> are blocked.')).toEqual([
      'google:API_KEY_IOS_APP_BLOCKED strong',
    ]);
    expect(
      sure(
        'The provided API key has an IP address restriction. The originating IP address of the call (203.0.113.7) violates this restriction.',
      ),
    ).toEqual(['google:API_KEY_IP_ADDRESS_BLOCKED strong']);
    expect(
      sure(
        'Requests to this API translate.googleapis.com method google.cloud.translation.v2.TranslateService.TranslateText are blocked.',
      ),
    ).toEqual(['google:API_KEY_SERVICE_BLOCKED strong']);
    expect(sure('Requests to this API aiplatform.googleapis.com are blocked.')).toEqual([
      'google:API_KEY_SERVICE_BLOCKED strong',
    ]);
  });

  it('typed questions', () => {
    expect(firstLookup('google api key referer blocked')).toBe('google:API_KEY_HTTP_REFERRER_BLOCKED weak');
    expect(firstLookup('requests from this android client application are blocked')).toBe(
      'google:API_KEY_ANDROID_APP_BLOCKED strong',
    );
  });
});

describe("Twitch's 401 bodies read without another clue", () => {
  it("Helix's OAuth token is missing and validate's invalid access token", () => {
    expect(sure('{"error":"Unauthorized","status":401,"message":"OAuth token is missing"}')).toEqual([
      'twitch:oauth-token-missing strong',
    ]);
    expect(sure('{"status": 401, "message": "invalid access token"}')).toEqual(['twitch:invalid-access-token strong']);
    expect(firstLookup('twitch OAuth token is missing')).toBe('twitch:oauth-token-missing strong');
  });
});

describe("X API v2's plain 401 problem body", () => {
  it('on one line after a request to api.twitter.com, and pretty-printed under a tweepy error', () => {
    // written for this test
    const log = [
      'GET https://api.twitter.com/2/users/me',
      '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}',
    ].join('\n');
    expect(sure(log)).toEqual(['twitter:v2-unauthorized strong']);
    // written for this test
    const pretty = [
      'tweepy.errors.Unauthorized: 401 Unauthorized',
      '{',
      '  "title": "Unauthorized",',
      '  "type": "about:blank",',
      '  "status": 401,',
      '  "detail": "Unauthorized"',
      '}',
    ].join('\n');
    expect(sure(pretty)).toEqual(['twitter:v2-unauthorized strong']);
    expect(firstLookup('twitter v2 unauthorized about:blank')).toBe('twitter:v2-unauthorized exact');
  });
});

describe("Dropbox's 400 for an Authorization header of the wrong form", () => {
  it('the plain-text body with the API function, the URL-parameter wording, and a typed question', () => {
    expect(
      sure(
        'Error in call to API function "files/list_folder": Invalid authorization value in HTTP header "Authorization": "Bearer". Expecting "Bearer <oauth2-access-token>".',
      ),
    ).toEqual(['dropbox:invalid-authorization-value strong']);
    expect(sure('Invalid authorization value in HTTP header/URL parameter')).toEqual([
      'dropbox:invalid-authorization-value strong',
    ]);
    expect(firstLookup('dropbox invalid authorization value in http header')).toBe(
      'dropbox:invalid-authorization-value exact',
    );
  });
});

describe("FirebaseUI's log prefix as a Firebase clue", () => {
  it("the API key error FirebaseUI logs is Firebase Authentication's, not the Google API reading beside it", () => {
    // written for this test, in the shape FirebaseUI logs a failed sign-in call
    const logged =
      '[firebaseui] Internal error: {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}';
    expect(sure(logged)).toEqual(['firebase-auth:rest-api-key-not-valid strong']);
  });
});
