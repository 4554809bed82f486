import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled in the GitHub, GitLab, Bitbucket and Atlassian catalogs: organization token policies, App installations,
// Git over HTTPS refusals, CI/CD job tokens, API scopes and the site REST APIs' refusals of API tokens. Every sample
// is written for this test (fake organizations, projects, hosts and tokens), in the shape the service prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);
const top = (query: string) => firstLookup(query)?.split(' ')[0];

describe('GitHub organization policies on personal access tokens', () => {
  it('classic tokens forbidden by the organization', () => {
    // written for this test
    const body =
      '{"message":"`acme-widgets` forbids access via a personal access token (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions.","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"403"}';
    expect(sure(body)).toEqual(['github:classic-pat-forbidden strong']);
    expect(top('github forbids access via a personal access token (classic)')).toBe('github:classic-pat-forbidden');
  });

  it('a fine-grained token whose lifetime is over the limit, from an organization or an enterprise', () => {
    expect(
      sure(
        "HttpError: The 'acme-widgets' organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days.",
      ),
    ).toEqual(['github:pat-lifetime-too-long strong']);
    expect(
      sure(
        "GraphQL: The 'Acme Holdings' enterprise forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 90 days.",
      ),
    ).toEqual(['github:pat-lifetime-too-long strong']);
    expect(top("github token's lifetime is greater than 366 days")).toBe('github:pat-lifetime-too-long');
  });

  it('the IP allow list of the organization', () => {
    // written for this test
    const line =
      'gh: Although you appear to have the correct authorization credentials, the `acme-widgets` organization has an IP allow list enabled, and your IP address is not permitted to access this resource. (HTTP 403)';
    expect(sure(line)).toEqual(['github:ip-allow-list strong']);
    expect(top('github IP allow list enabled, your IP address is not permitted')).toBe('github:ip-allow-list');
  });
});

describe('GitHub App installation and Git over HTTPS refusals', () => {
  it('a suspended installation when creating an installation token', () => {
    // written for this test
    const log = [
      'POST https://api.github.com/app/installations/4242/access_tokens - 403',
      '{"message":"This installation has been suspended","documentation_url":"https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app","status":"403"}',
    ].join('\n');
    expect(sure(log)).toEqual(['github:installation-suspended strong']);
    expect(top('github app installation has been suspended')).toBe('github:installation-suspended');
  });

  it('a password given to git over HTTPS, old and new wording', () => {
    // written for this test
    const push = [
      "Username for 'https://github.com': octo-dev",
      "Password for 'https://octo-dev@github.com':",
      'remote: Invalid username or token. Password authentication is not supported for Git operations.',
      "fatal: Authentication failed for 'https://github.com/octo-dev/widgets.git/'",
    ].join('\n');
    expect(sure(push)).toEqual(['github:git-password-auth-removed strong']);
    expect(sure('remote: Support for password authentication was removed on August 13, 2021.')).toEqual([
      'github:git-password-auth-removed strong',
    ]);
    expect(top('github password authentication is not supported for git operations')).toBe(
      'github:git-password-auth-removed',
    );
  });

  it('a token without write access to the repository', () => {
    // written for this test
    const push = [
      'remote: Write access to repository not granted.',
      "fatal: unable to access 'https://github.com/acme-widgets/site.git/': The requested URL returned error: 403",
    ].join('\n');
    expect(sure(push)).toEqual(['github:write-access-not-granted strong']);
    expect(top('github write access to repository not granted')).toBe('github:write-access-not-granted');
  });
});

describe('GitLab Git over HTTPS and CI/CD job tokens', () => {
  it('HTTP Basic: Access denied, current and older wording', () => {
    // written for this test
    const clone = [
      "Cloning into 'widgets'...",
      "remote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped. See https://gitlab.example.test/help/topics/git/troubleshooting_git.md#error-on-git-fetch-http-basic-access-denied",
      "fatal: Authentication failed for 'https://gitlab.example.test/acme/widgets.git/'",
    ].join('\n');
    expect(sure(clone)).toEqual(['gitlab:git-http-basic-access-denied strong']);
    expect(
      sure(
        'remote: HTTP Basic: Access denied. The provided password or token is incorrect or your account has 2FA enabled and you must use a personal access token instead of a password. See https://gitlab.example.test/help/topics/git/troubleshooting_git#error-on-git-fetch-http-basic-access-denied',
      ),
    ).toEqual(['gitlab:git-http-basic-access-denied strong']);
    expect(top('gitlab required to use a token instead of a password')).toBe('gitlab:git-http-basic-access-denied');
    expect(top('gitlab HTTP Basic')).toBe('gitlab:git-http-basic-access-denied');
  });

  it('a job token refused by the target project allowlist', () => {
    // written for this test
    const job = [
      "Cloning into '/builds/acme/app/libs/shared'...",
      'remote: Authentication by CI/CD job token not allowed from app to shared-lib.',
      "fatal: unable to access 'https://gitlab.example.test/acme/shared-lib.git/': The requested URL returned error: 403",
    ].join('\n');
    expect(sure(job)).toEqual(['gitlab:job-token-not-allowlisted strong']);
    expect(top('gitlab authentication by CI/CD job token not allowed')).toBe('gitlab:job-token-not-allowlisted');
  });

  it('a job token that may not pull the repository', () => {
    expect(sure('remote: Insufficient permissions to pull from the repository of project acme/shared-lib.')).toEqual([
      'gitlab:job-token-insufficient-permissions strong',
    ]);
    expect(top('gitlab job token insufficient permissions to pull from the repository')).toBe(
      'gitlab:job-token-insufficient-permissions',
    );
  });
});

describe('Bitbucket API refusals of scopes and credential types', () => {
  it('credentials without a required scope', () => {
    // written for this test
    const body =
      '{"type": "error", "error": {"message": "Your credentials lack one or more required privilege scopes.", "detail": {"granted": ["read:repository:bitbucket"], "required": ["write:pullrequest:bitbucket"]}}}';
    expect(sure(body)).toEqual(['bitbucket:insufficient-privilege-scopes strong']);
    expect(top('bitbucket credentials lack one or more required privilege scopes')).toBe(
      'bitbucket:insufficient-privilege-scopes',
    );
  });

  it('an endpoint that accepts only some authentication types', () => {
    // written for this test
    const body =
      '{"type": "error", "error": {"message": "This API is only accessible with the following authentication types: apppassword, session, api_token"}}';
    expect(sure(body)).toEqual(['bitbucket:auth-type-not-accepted strong']);
    expect(top('bitbucket API is only accessible with the following authentication types')).toBe(
      'bitbucket:auth-type-not-accepted',
    );
  });
});

describe('Jira and Confluence Cloud refusing API tokens and anonymous calls', () => {
  it('basic authentication with passwords is deprecated', () => {
    // written for this test
    const log = [
      'GET https://acme-test.atlassian.net/rest/api/3/myself -> 401',
      'Basic authentication with passwords is deprecated.  For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
    ].join('\n');
    expect(sure(log)).toEqual(['atlassian:basic-auth-password-deprecated strong']);
    expect(top('jira basic authentication with passwords is deprecated')).toBe(
      'atlassian:basic-auth-password-deprecated',
    );
  });

  it('client must be authenticated', () => {
    // written for this test
    const body = '{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}';
    expect(sure(body)).toEqual(['atlassian:client-must-be-authenticated strong']);
    expect(top('jira client must be authenticated to access this resource')).toBe(
      'atlassian:client-must-be-authenticated',
    );
  });

  it('current user not permitted to use Confluence', () => {
    // written for this test
    const body = '{"statusCode":403,"message":"Current user not permitted to use Confluence"}';
    expect(sure(body)).toEqual(['atlassian:confluence-not-permitted strong']);
    expect(top('confluence current user not permitted to use confluence')).toBe('atlassian:confluence-not-permitted');
  });
});
