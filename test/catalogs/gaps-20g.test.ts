import { describe, expect, it } from 'vitest';
import { firstWithConfidence, sureWithContext, useShippedResolver } from '../helpers/shipped-resolver.js';

// Gaps filled for cloud CLIs and Kubernetes credential plugins: the Azure CLI and Azure's kubelogin (azure-identity),
// gcloud and gke-gcloud-auth-plugin (google), the AWS CLI's and SDKs' IAM Identity Center sign-in and the EKS token
// plugin (aws-sts), and kubectl's removed gcp and azure auth providers (kubernetes). Every sample is written for this
// test (fake accounts, ids, tenants and hosts), in the shape the tool prints it.
const resolver = useShippedResolver();

const sure = (text: string) => sureWithContext(resolver, text);
const firstLookup = (query: string) => firstWithConfidence(resolver, query);
const first = (query: string) => firstLookup(query)?.split(' ')[0];

describe('the Azure CLI (az)', () => {
  it('not signed in, as az itself prints it', () => {
    expect(sure("ERROR: Please run 'az login' to setup account.")).toEqual([
      'azure-identity:azure-cli-not-signed-in strong',
    ]);
    expect(first('az please run az login to setup account')).toBe('azure-identity:azure-cli-not-signed-in');
  });

  it('no subscriptions found after az login', () => {
    // written for this test
    const log = [
      '$ az login --service-principal -u 0a1b2c3d-0000-4000-8000-000000000001 -p *** --tenant contoso-example.test',
      'ERROR: No subscriptions found for 0a1b2c3d-0000-4000-8000-000000000001.',
    ].join('\n');
    expect(sure(log)).toEqual(['azure-identity:azure-cli-no-subscriptions strong']);
    expect(first('az login no subscriptions found')).toBe('azure-identity:azure-cli-no-subscriptions');
  });

  it('no default subscription', () => {
    expect(sure("ERROR: No subscription found. Run 'az account set' to select a subscription.")).toEqual([
      'azure-identity:azure-cli-no-default-subscription strong',
    ]);
    expect(first('no subscription found run az account set')).toBe('azure-identity:azure-cli-no-default-subscription');
  });

  it("the account's token missing from the CLI's MSAL cache, for a user and for a service principal", () => {
    expect(sure("ERROR: User 'dev@contoso-example.test' does not exist in MSAL token cache. Run `az login`.")).toEqual([
      'azure-identity:azure-cli-token-cache-miss strong',
    ]);
    expect(
      sure(
        'ERROR: Could not retrieve credential from local cache for service principal 0a1b2c3d-0000-4000-8000-000000000001. Run `az login` for this service principal.',
      ),
    ).toEqual(['azure-identity:azure-cli-token-cache-miss strong']);
    expect(sure("ERROR: Can't find token from MSAL cache.\nTo re-authenticate, please run:\naz login")).toEqual([
      'azure-identity:azure-cli-token-cache-miss strong',
    ]);
    expect(first('does not exist in MSAL token cache')).toBe('azure-identity:azure-cli-token-cache-miss');
  });

  it("Entra's refusal of the stored sign-in, with az's advice below the AADSTS line", () => {
    // written for this test
    const out = [
      'ERROR: AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-06-01T08:00:00.0000000Z and was inactive for 90.00:00:00. Trace ID: 11111111-aaaa-4bbb-8ccc-222222222222 Correlation ID: 33333333-dddd-4eee-8fff-444444444444 Timestamp: 2026-09-01 08:00:00Z',
      'Interactive authentication is needed. Please run:',
      'az login --scope https://management.core.windows.net//.default',
    ].join('\n');
    expect(sure(out)).toEqual([
      'entra:AADSTS700082 exact',
      'azure-identity:azure-cli-interactive-authentication-needed strong',
    ]);
    expect(first('az interactive authentication is needed')).toBe(
      'azure-identity:azure-cli-interactive-authentication-needed',
    );
  });
});

describe("Azure's kubelogin (AKS)", () => {
  it("get-token failed: the wrapper alone, and the Azure CLI's error inside it answered first", () => {
    expect(sure('Error: failed to get token: expected an empty error but received: context deadline exceeded')).toEqual(
      ['azure-identity:azure-kubelogin-get-token strong'],
    );
    expect(
      sure(
        "Error: failed to get token: expected an empty error but received: AzureCLICredential: ERROR: Please run 'az login' to setup account.",
      ),
    ).toEqual(['azure-identity:azure-cli-not-signed-in strong']);
    expect(first('expected an empty error but received')).toBe('azure-identity:azure-kubelogin-get-token');
  });

  it("not installed: the kubeconfig's install hint", () => {
    expect(sure('kubelogin is not installed which is required to connect to AAD enabled cluster.')).toEqual([
      'azure-identity:azure-kubelogin-not-installed strong',
    ]);
    expect(first('kubelogin is not installed')).toBe('azure-identity:azure-kubelogin-not-installed');
  });
});

describe("kubectl's removed in-tree auth providers", () => {
  it('gcp and azure', () => {
    expect(
      sure(
        'error: The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.',
      ),
    ).toEqual(['kubernetes:kubernetes-gcp-auth-provider-removed strong']);
    expect(
      sure(
        'error: The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.',
      ),
    ).toEqual(['kubernetes:kubernetes-azure-auth-provider-removed strong']);
    expect(first('kubectl the gcp auth plugin has been removed')).toBe(
      'kubernetes:kubernetes-gcp-auth-provider-removed',
    );
    expect(first('kubectl the azure auth plugin has been removed')).toBe(
      'kubernetes:kubernetes-azure-auth-provider-removed',
    );
  });
});

describe('the Google Cloud CLI (gcloud) and gke-gcloud-auth-plugin', () => {
  it('a refresh failure whose reason has no entry of its own', () => {
    expect(
      sure(
        "ERROR: (gcloud.storage.ls) There was a problem refreshing your current auth tokens: HTTPSConnectionPool(host='oauth2.googleapis.com', port=443): Read timed out.",
      ),
    ).toEqual(['google:gcloud-token-refresh-failed strong']);
    expect(first('gcloud there was a problem refreshing your current auth tokens')).toBe(
      'google:gcloud-token-refresh-failed',
    );
  });

  it('reauthentication that cannot prompt', () => {
    // written for this test
    const out = [
      'ERROR: (gcloud.container.clusters.list) There was a problem refreshing your current auth tokens: Reauthentication failed. cannot prompt during non-interactive execution.',
      'Please run:',
      '',
      '  $ gcloud auth login',
      '',
      'to obtain new credentials.',
    ].join('\n');
    expect(sure(out)).toEqual(['google:gcloud-reauth-noninteractive strong']);
    expect(first('gcloud reauthentication failed cannot prompt during non-interactive execution')).toBe(
      'google:gcloud-reauth-noninteractive',
    );
  });

  it('no active account, or no valid credentials for it', () => {
    expect(
      sure('ERROR: (gcloud.compute.instances.list) You do not currently have an active account selected.'),
    ).toEqual(['google:gcloud-no-active-account strong']);
    expect(
      sure(
        'ERROR: (gcloud.projects.list) Your current active account [dev@example.test] does not have any valid credentials',
      ),
    ).toEqual(['google:gcloud-no-active-account strong']);
    expect(first('gcloud You do not currently have an active account selected')).toBe(
      'google:gcloud-no-active-account',
    );
  });

  it('Context Aware Access', () => {
    // written for this test
    const out = [
      "ERROR: (gcloud.auth.print-access-token) There was a problem refreshing your current auth tokens: ('access_denied: Account restricted', {'error': 'access_denied', 'error_description': 'Account restricted'})",
      '',
      'Access was blocked by Context Aware Access. If you are using gcloud on a remote machine via SSH and your organization requires gcloud from a company managed device, please first CRD (Chrome Remote Desktop) or RDP (Remote Desktop Protocol) into your remote machine and log into Chrome using your credentials to register your remote machine.',
    ].join('\n');
    expect(sure(out)).toContain('google:gcloud-context-aware-access strong');
    expect(first('gcloud context aware access blocked')).toBe('google:gcloud-context-aware-access');
  });

  it("gke-gcloud-auth-plugin: not installed, and gcloud's error inside the plugin's", () => {
    expect(
      sure(
        'CRITICAL: ACTION REQUIRED: gke-gcloud-auth-plugin, which is needed for continued use of kubectl, was not found or is not executable. Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin',
      ),
    ).toEqual(['google:gke-gcloud-auth-plugin-not-found strong']);
    expect(
      sure(
        'F0101 10:00:00.000000   12345 cred.go:166] print credential failed with error: failed to retrieve access token: failure while executing gcloud, with args [config config-helper --format=json]: exit status 1 (err: ERROR: (gcloud.config.config-helper) You do not currently have an active account selected.)',
      ),
    ).toEqual(['google:gcloud-no-active-account strong']);
    expect(first('gke-gcloud-auth-plugin not found')).toBe('google:gke-gcloud-auth-plugin-not-found');
    expect(first('gke-gcloud-auth-plugin print credential failed')).toBe('google:gke-gcloud-auth-plugin-failed');
  });
});

describe("the AWS CLI's and SDKs' IAM Identity Center (SSO) sign-in", () => {
  it('the session expired: botocore, its token provider, and the Go SDK', () => {
    expect(sure('Error when retrieving token from sso: Token has expired and refresh failed')).toEqual([
      'aws-sts:sso-session-expired strong',
    ]);
    expect(
      sure(
        'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
    ).toEqual(['aws-sts:sso-session-expired strong']);
    expect(
      sure(
        'operation error S3: ListBuckets, get identity: get credentials: failed to refresh cached credentials, the SSO session has expired or is invalid: open /home/dev/.aws/sso/cache/0123abcd.json: no such file or directory',
      ),
    ).toEqual(['aws-sts:sso-session-expired strong']);
    expect(first('aws sso session has expired')).toBe('aws-sts:sso-session-expired');
    expect(first('aws Token has expired and refresh failed')).toBe('aws-sts:sso-session-expired');
  });

  it('no cached token: botocore and the JavaScript SDK', () => {
    expect(sure('Error loading SSO Token: Token for acme-sso does not exist')).toEqual([
      'aws-sts:sso-token-not-found strong',
    ]);
    expect(
      sure(
        "TokenProviderError: The SSO session token associated with profile=dev-admin was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
      ),
    ).toEqual(['aws-sts:sso-token-not-found strong']);
    expect(first('aws sso token not found')).toBe('aws-sts:sso-token-not-found');
  });

  it("aws login's session", () => {
    expect(
      sure("Your session has expired or credentials have changed. Please reauthenticate using 'aws login'."),
    ).toEqual(['aws-sts:aws-login-refresh-required strong']);
    expect(first('aws login session expired reauthenticate')).toBe('aws-sts:aws-login-refresh-required');
  });

  it("the EKS token plugin's prefix, alone and around STS's AccessDenied", () => {
    expect(
      sure(
        'aws-iam-authenticator: could not get token: NoCredentialProviders: no valid providers in chain. Deprecated.',
      ),
    ).toEqual(['aws-sts:eks-could-not-get-token strong']);
    expect(
      sure(
        'could not get token: AccessDenied: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/eks-admin',
      ),
    ).toEqual(['aws-sts:AccessDenied/assume-role strong']);
  });
});
