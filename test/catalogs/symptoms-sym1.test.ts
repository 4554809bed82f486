import { describe, expect, it } from 'vitest';
import { bestOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Questions that name a provider but no code, written for these tests, answered by the symptoms of the errors in
// the providers' `common` lists (how people describe them in issue threads, in everyday words).
const resolver = useShippedResolver();
const first = (query: string) => bestOf(resolver, query);

describe('symptoms of the errors integrators hit most (sym1)', () => {
  it("Entra's invalid client secret: a new secret, or the secret's ID pasted as its value", () => {
    expect(
      first('azure ad keeps saying my secret is wrong although I just made a new one under certificates & secrets'),
    ).toBe('entra:AADSTS7000215');
  });

  it("Auth0's grant type not enabled for the application", () => {
    expect(first('auth0 says authorization code grant is not allowed for my new app')).toBe(
      'auth0:unauthorized_client',
    );
    expect(first('auth0 password login from my mobile app fails on a freshly created application')).toBe(
      'auth0:unauthorized_client',
    );
  });

  it("Dropbox's token lacks a scope enabled after it was issued", () => {
    expect(first('dropbox api: listing works but writing a file is refused for my token')).toBe(
      'dropbox:missing_scope',
    );
    expect(first('dropbox token generated before I ticked files.content.write')).toBe('dropbox:missing_scope');
  });

  it("DocuSign's JWT grant before consent, and a key the base path does not know", () => {
    expect(first('docusign consent link only asked for signature, jwt impersonation fails')).toBe(
      'docusign:consent_required',
    );
    expect(first('docusign envelope creation fails with production account using the demo host')).toBe(
      'docusign:PARTNER_AUTHENTICATION_FAILED',
    );
    expect(first('docusign api client created without https and restapi in the base path')).toBe(
      'docusign:PARTNER_AUTHENTICATION_FAILED',
    );
  });

  it("AWS STS refuses a web identity the role's trust policy does not match", () => {
    expect(first('aws sts pod on EKS cannot assume the IAM role of its service account')).toBe('aws-sts:AccessDenied');
  });

  it("Firebase's generic invalid credential under email enumeration protection", () => {
    expect(first('firebase wrong password no longer returns wrong-password, just invalid credential')).toBe(
      'firebase-auth:auth/invalid-credential',
    );
    expect(first("firebase login can't tell me whether the email or password was wrong anymore")).toBe(
      'firebase-auth:auth/invalid-credential',
    );
  });

  it("Keycloak's client authentication refused", () => {
    expect(first('keycloak rejects the client secret in the basic authorization header')).toBe(
      'keycloak:invalid_client',
    );
  });

  it('Azure DevOps refuses a guest from another tenant', () => {
    expect(first('vsts rest api 401 for a guest account from another entra tenant')).toBe('azure-devops:TF400813');
  });

  it("Azure Identity's DefaultAzureCredential finds no credential", () => {
    expect(first('azure-identity fails because AZURE_TENANT_ID and AZURE_CLIENT_SECRET are not set')).toBe(
      'azure-identity:default-credential-chain-failed',
    );
  });
});
