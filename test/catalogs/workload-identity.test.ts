import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver, withContext } from '../helpers/shipped-resolver.js';

// Workload identity federation as it fails in CI and cluster logs: AWS STS (aws-sts), GitHub Actions' OIDC
// tokens (github-actions), Google Cloud STS and IAM credentials (google-cloud), HashiCorp Vault's JWT and
// Kubernetes auth (vault). The log lines are written in the shapes these tools print.
const resolver = useShippedResolver();

/** Sure findings, with the entry's context when it has one (aws-sts:AccessDenied/web-identity). */
const confident = (text: string) => confidentOf(resolver, text, withContext);
const first = (query: string) => {
  const [match] = resolver.lookup(query);
  return match && withContext(match);
};
const NEW_PROVIDERS = /^(aws-sts|github-actions|google-cloud|vault):/;
const ours = (text: string) => confident(text).filter((name) => NEW_PROVIDERS.test(name));

describe('AWS STS (AssumeRoleWithWebIdentity)', () => {
  it('the AWS CLI and SDKs name the operation', () => {
    expect(
      confident(
        'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C3D4E5F60718293A4B5C6D7E8F9',
      ),
    ).toEqual(['aws-sts:InvalidIdentityToken/no-provider']);
    const goSdkV1 = [
      'E1203 08:14:22.100231       1 controller.go:212] describing instances: WebIdentityErr: failed to retrieve credentials',
      "caused by: InvalidIdentityToken: Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      '\tstatus code: 400, request id: 5f0c3a1e-0000-4e7b-9d41-aa00bb11cc22',
    ].join('\n');
    expect(confident(goSdkV1)).toEqual(['aws-sts:InvalidIdentityToken/verification-key']);
    const goSdkV2 =
      'level=error msg="refreshing credentials" err="operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 400, RequestID: 7e1d, ExpiredTokenException: Token expired: current date/time 1764579600 must be before the expiration date/time 1764576000"';
    expect(confident(goSdkV2)).toEqual(['aws-sts:ExpiredTokenException']);
    const java =
      'software.amazon.awssdk.services.sts.model.StsException: Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: Sts, Status Code: 403, Request ID: 1f2e3d4c-aaaa-bbbb-cccc-000011112222)';
    expect(confident(java)).toEqual(['aws-sts:AccessDenied/web-identity']);
    const region =
      'An error occurred (RegionDisabledException) when calling the AssumeRoleWithWebIdentity operation: STS is not activated in this region for account:123456789012. Your account administrator can activate STS in this region using the IAM Console.';
    expect(confident(region)).toEqual(['aws-sts:RegionDisabledException']);
  });

  it("configure-aws-credentials' failures, which print the message without the code", () => {
    expect(
      confident('Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity'),
    ).toEqual(['aws-sts:AccessDenied/web-identity']);
    expect(confident('Error: Could not assume role with OIDC: Incorrect token audience')).toEqual([
      'aws-sts:InvalidIdentityToken/audience',
    ]);
    expect(
      confident(
        'Error: Could not assume role with OIDC: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
      ),
    ).toEqual(['aws-sts:InvalidIdentityToken/no-provider']);
    expect(
      confident(
        'Error: Could not assume role with user credentials: User: arn:aws:iam::123456789012:user/ci-bot is not authorized to perform: sts:TagSession on resource: arn:aws:iam::123456789012:role/deploy',
      ),
    ).toEqual(['aws-sts:AccessDenied/tag-session']);
    expect(confident('Error: Could not assume role with OIDC: Packed policy consumes 131% of allotted space')).toEqual([
      'aws-sts:PackedPolicyTooLarge',
    ]);
    expect(
      confident(
        'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
      ),
    ).toEqual(['aws-sts:CredentialsProviderError']);
  });

  it('lookups', () => {
    expect(first('Incorrect token audience')).toBe('aws-sts:InvalidIdentityToken/audience');
    expect(first('AccessDenied aws')).toBe('aws-sts:AccessDenied/web-identity');
    expect(first('InvalidIdentityTokenException')).toMatch(/^aws-sts:InvalidIdentityToken/);
    expect(first('Not authorized to perform sts:AssumeRoleWithWebIdentity')).toBe('aws-sts:AccessDenied/web-identity');
  });

  it('AccessDenied, ExpiredToken(Exception) and MalformedPolicyDocument from other AWS services are not STS refusals', () => {
    const s3 = [
      'upload failed: dist/app.js to s3://acme-assets/app.js An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
      'download failed: s3://acme-data/report.csv to ./report.csv An error occurred (ExpiredToken) when calling the GetObject operation: The provided token has expired.',
    ].join('\n');
    expect(ours(s3)).toEqual([]);
    expect(
      ours(
        'An error occurred (ExpiredTokenException) when calling the GetCallerIdentity operation: The security token included in the request is expired',
      ),
    ).toEqual([]);
    expect(
      ours(
        'botocore.exceptions.ClientError: An error occurred (ExpiredTokenException) when calling the Query operation: The security token included in the request is expired',
      ),
    ).toEqual([]);
    expect(
      ours(
        'An error occurred (MalformedPolicyDocument) when calling the CreatePolicy operation: Syntax errors in policy.',
      ),
    ).toEqual([]);
  });

  it("STS's own XML answer, whose namespace only STS answers carry", () => {
    // The Query API's error response as AWS documents it (STS API Reference, Common Errors and the
    // ErrorResponse element); the code is one that other AWS services also send.
    const answer = (code: string) =>
      [
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        `    <Code>${code}</Code>`,
        '    <Message>...</Message>',
        '  </Error>',
        '  <RequestId>00000000-0000-0000-0000-000000000000</RequestId>',
        '</ErrorResponse>',
      ].join('\n');
    expect(ours(answer('ExpiredTokenException'))).toEqual(['aws-sts:ExpiredTokenException']);
    expect(ours(answer('AccessDenied'))).toEqual(['aws-sts:AccessDenied/web-identity']);
  });

  it('a run where configure-aws-credentials succeeded does not make a later S3 AccessDenied an STS error', () => {
    const run = [
      'Run aws-actions/configure-aws-credentials@v4',
      '  with:',
      '    role-to-assume: arn:aws:iam::123456789012:role/deploy',
      '    aws-region: us-east-1',
      '    audience: sts.amazonaws.com',
      'Assuming role with OIDC',
      'Authenticated as assumedRoleId AROAEXAMPLEID:GitHubActions',
      'Run aws s3 sync ./build s3://acme-site --delete',
      'upload failed: build/index.html to s3://acme-site/index.html An error occurred (AccessDenied) when calling the PutObject operation: Access Denied',
      'Error: Process completed with exit code 1.',
    ].join('\n');
    expect(ours(run)).toEqual([]);
  });
});

describe('GitHub Actions OIDC tokens', () => {
  it('a job without id-token: write, as the actions that request a token report it', () => {
    expect(
      confident(
        'Error: getIDToken call failed: Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
      ),
    ).toEqual(['github-actions:id-token-permission-missing']);
    const azureLogin = [
      'Error: Please make sure to give write permissions to id-token in the workflow.',
      'Error: Login failed with Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. Double check if the auth-type is correct.',
    ].join('\n');
    expect(confident(azureLogin)).toEqual(['github-actions:id-token-permission-missing']);
    const googleAuth =
      'Error: google-github-actions/auth failed with: GitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the GitHub Actions workflow permissions are incorrect, or this job is being run from a fork.';
    expect(confident(googleAuth)).toEqual(['github-actions:id-token-permission-missing']);
    const pypi =
      'Trusted publishing exchange failure: OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, the ACTIONS_ID_TOKEN_REQUEST_URL environment variable was unset';
    expect(confident(pypi)).toEqual(['github-actions:id-token-permission-missing']);
    const aws = [
      'It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.',
      'Error: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers',
    ].join('\n');
    expect(confident(aws)).toContain('github-actions:id-token-permission-missing');
  });

  it('the token request failing, and a reusable workflow refused at startup', () => {
    const failed = [
      'Error: Error message: Failed to get ID Token. ',
      ' ',
      '        Error Code : 503',
      ' ',
      '        Error Message: Service Unavailable',
    ].join('\n');
    expect(confident(failed)).toEqual(['github-actions:id-token-request-failed']);
    const startup = [
      'Invalid workflow file: .github/workflows/release.yml#L14',
      "The workflow is not valid. .github/workflows/release.yml (Line: 14, Col: 3): Error calling workflow 'acme/platform/.github/workflows/deploy.yml@main'. The nested job 'deploy' is requesting 'id-token: write, contents: read', but is only allowed 'id-token: none, contents: read'.",
    ].join('\n');
    expect(confident(startup)).toEqual(['github-actions:reusable-workflow-permissions']);
  });

  it('lookups, also of the entries that explain a cloud refusing the token', () => {
    expect(first('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable')).toBe(
      'github-actions:id-token-permission-missing',
    );
    expect(first('oidc-subject-mismatch')).toBe('github-actions:oidc-subject-mismatch');
  });
});

describe('Google Cloud workload identity federation', () => {
  it("STS refusals in google-github-actions/auth's output", () => {
    const condition =
      'Error: google-github-actions/auth failed with: failed to generate Google Cloud federated token for //iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/providers/github: {"error":"unauthorized_client","error_description":"The given credential is rejected by the attribute condition."}';
    expect(confident(condition)).toEqual(['google-cloud:unauthorized_client/sts-attribute-condition']);
    const target =
      'Error: google-github-actions/auth failed with: retry function failed with 0 attempts: failed to generate Google Cloud federated token for projects/acme-prod/locations/global/workloadIdentityPools/github/providers/gh: {"error":"invalid_target","error_description":"The target service indicated by the \\"audience\\" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist."}';
    expect(confident(target)).toEqual(['google-cloud:invalid_target/sts-audience-target']);
    const malformed =
      'Error: google-github-actions/auth failed with: failed to generate Google Cloud federated token for projects/acme/providers/gh: {"error":"invalid_request","error_description":"The audience is not a provider resource name."}';
    expect(confident(malformed)).toEqual(['google-cloud:invalid_request/sts-token-exchange']);
    // Any client's output: STS's description links to its own reference, which says whose the error is.
    const anyClient =
      'token exchange failed: {"error":"invalid_request","error_description":"Invalid value for \\"subject_token_type\\". See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the accepted values."}';
    expect(confident(anyClient)).toEqual(['google-cloud:invalid_request/sts-token-exchange']);
    // The audience's own description, the commonest of them, without the link.
    const audience =
      'token exchange: 400 {"error":"invalid_request","error_description":"Invalid value for \\"audience\\". This value should be the full resource name of the Identity Provider."}';
    expect(confident(audience)).toEqual(['google-cloud:invalid_request/sts-token-exchange']);
  });

  it('an audience mismatch in Terraform, a service account refusal from google-auth', () => {
    const terraform =
      '│ Error: oauth2/google: status code 400: {"error":"invalid_grant","error_description":"The audience in ID Token [https://app.terraform.io] does not match the expected audience."}; token source: //iam.googleapis.com/projects/573522191771/locations/global/workloadIdentityPools/tfc-pool/providers/tfc-oidc';
    expect(confident(terraform)).toEqual(['google-cloud:invalid_grant/sts-audience']);
    const python = [
      'Traceback (most recent call last):',
      '  File "/usr/local/lib/python3.12/site-packages/google/auth/impersonated_credentials.py", line 101, in _make_iam_token_request',
      '    raise exceptions.RefreshError(_REFRESH_ERROR, response_body)',
      'google.auth.exceptions.RefreshError: (\'Unable to acquire impersonated credentials\', \'{"error": {"code": 403, "message": "Permission \\\'iam.serviceAccounts.getAccessToken\\\' denied on resource (or it may not exist).", "status": "PERMISSION_DENIED"}}\')',
    ].join('\n');
    // The wrapper is listed beside another catalog's error, as openid-client's OPError is beside the server's
    // (google-cloud's; beside Google's own, it would not be).
    expect(confident(python)).toEqual(['google:RefreshError', 'google-cloud:PERMISSION_DENIED/service-account-token']);
  });

  it('lookups', () => {
    expect(first('The given credential is rejected by the attribute condition')).toBe(
      'google-cloud:unauthorized_client/sts-attribute-condition',
    );
    expect(first("Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).")).toBe(
      'google-cloud:PERMISSION_DENIED/service-account-token',
    );
    // The reason of the response's ErrorInfo, which clients print in place of the status and message.
    const errorInfo = [
      '│     "reason": "IAM_PERMISSION_DENIED",',
      '│     "domain": "iam.googleapis.com",',
      '│     "metadata": { "permission": "iam.serviceAccounts.getAccessToken" }',
    ].join('\n');
    expect(confident(errorInfo)).toEqual(['google-cloud:PERMISSION_DENIED/service-account-token']);
  });

  it("other Google errors are not the federation's", () => {
    // Firebase Authentication words an Apple sign-in token's audience much like STS does.
    expect(
      ours(
        'Firebase sign in failed: The audience in ID Token [com.acme.app] does not match the expected audience com.acme.app.dev.',
      ),
    ).toEqual([]);
    expect(
      ours(
        "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'run.services.get' denied on resource 'namespaces/acme/services/api' (or resource may not exist).",
      ),
    ).toEqual([]);
    expect(
      ours('{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}'),
    ).toEqual([]);
    expect(
      ours(
        "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant'})",
      ),
    ).toEqual([]);
  });

  it('a run where the auth action succeeded does not make a later PERMISSION_DENIED a service account refusal', () => {
    const run = [
      'Run google-github-actions/auth@v2',
      '  with:',
      '    workload_identity_provider: projects/123456789012/locations/global/workloadIdentityPools/github/providers/github',
      '    service_account: deployer@acme-prod.iam.gserviceaccount.com',
      'Created credentials file at "/home/runner/work/app/app/gha-creds-0123456789abcdef.json"',
      'Run gcloud run deploy api --image us-docker.pkg.dev/acme-prod/app/api:1.2.3 --region us-central1',
      "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'run.services.get' denied on resource 'namespaces/acme-prod/services/api' (or resource may not exist).",
    ].join('\n');
    expect(ours(run)).toEqual([]);
  });
});

describe('HashiCorp Vault JWT and Kubernetes auth', () => {
  it("the CLI's and vault-action's shapes", () => {
    const cli = [
      'Error writing data to auth/jwt/login: Error making API request.',
      '',
      'URL: PUT https://vault.acme.internal:8200/v1/auth/jwt/login',
      'Code: 400. Errors:',
      '',
      '* error validating token: invalid audience (aud) claim: audience claim does not match any expected audience',
    ].join('\n');
    expect(confident(cli)).toEqual(['vault:jwt-invalid-audience']);
    // The same check's words without the JWT method's prefix, as the Kubernetes method answers them
    // (https://github.com/hashicorp/vault-plugin-auth-kubernetes/issues/175): both methods' readings.
    expect(confident('* invalid audience (aud) claim: audience claim does not match any expected audience')).toEqual([
      'vault:jwt-invalid-audience',
      'vault:kubernetes-audience-invalid',
    ]);
    const action =
      'Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 400 (Bad Request), vaultResponse: {"errors":["error validating claims: claim \\"sub\\" does not match any associated bound claim values"]}';
    expect(ours(action)).toEqual(['vault:jwt-bound-claims-mismatch']);
    expect(
      confident(
        'Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 400 (Bad Request), vaultResponse: {"errors":["role \\"ci-deploy\\" could not be found"]}',
      ),
    ).toEqual(['vault:role-not-found']);
  });

  it("vault-agent's log", () => {
    const agent = [
      '2026-12-01T10:00:00.000Z [ERROR] agent.auth.handler: error authenticating:',
      '  error=',
      '  | Error making API request.',
      '  |',
      '  | URL: PUT https://vault.acme.internal:8200/v1/auth/cluster-a/login',
      '  | Code: 400. Errors:',
      '  |',
      '  | * error validating token: error verifying token signature: no known key successfully validated the token signature',
      '   backoff=1m2.5s',
    ].join('\n');
    expect(confident(agent)).toEqual(['vault:jwt-signature-invalid']);
    expect(confident('* error validating token: invalid expiration time (exp) claim: token is expired')).toEqual([
      'vault:jwt-token-expired',
    ]);
  });

  it('lookups', () => {
    expect(first('permission denied vault')).toBe('vault:permission-denied');
    expect(first('role "ci" could not be found')).toBe('vault:role-not-found');
    expect(first('audience claim does not match any expected audience')).toBe('vault:jwt-invalid-audience');
    expect(first('service account name not authorized')).toBe('vault:kubernetes-service-account-not-authorized');
  });

  it('permission denied from shells, git, kubelet and HTTP APIs is not Vault', () => {
    expect(ours('bash: ./deploy.sh: Permission denied')).toEqual([]);
    expect(
      ours('git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.'),
    ).toEqual([]);
    const events = [
      'Events:',
      '  Type     Reason       Age   From     Message',
      '  ----     ------       ----  ----     -------',
      '  Warning  FailedMount  30s   kubelet  MountVolume.SetUp failed for volume "aws-iam-token" : open /var/run/secrets/eks.amazonaws.com/serviceaccount/token: permission denied',
      '  Warning  Failed       12s   kubelet  Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/run.sh": permission denied: unknown',
      '  Warning  BackOff      10s   kubelet  Back-off restarting failed container app in pod api-7d9c5b(default)',
    ].join('\n');
    expect(ours(events)).toEqual([]);
    expect(ours('HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{"error":"permission denied"}')).toEqual([]);
    // Consul's JWT auth shares the validation library, and its message, but not Vault's wording around it.
    expect(
      ours('Permission denied: Failed JWT authorization: no known key successfully validated the token signature'),
    ).toEqual([]);
  });

  /** The Vault CLI's answer to a failed write, as `vault write` prints it. */
  const cliError = (path: string, code: number, ...errors: string[]) =>
    [
      `Error writing data to ${path}: Error making API request.`,
      '',
      `URL: PUT https://vault.corp.example:8200/v1/${path}`,
      `Code: ${code}. Errors:`,
      '',
      ...errors,
    ].join('\n');
  /** hashicorp/vault-action's failure, with Vault's JSON body. */
  const actionError = (status: string, message: string) =>
    `Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code ${status}, vaultResponse: {"errors":["${message}"]}`;

  it('mounts that were never configured, or are set up for the browser login only', () => {
    expect(ours(cliError('auth/jwt/login', 400, '* could not load configuration'))).toEqual([
      'vault:jwt-config-missing',
    ]);
    expect(ours(actionError('400 (Bad Request)', 'could not load configuration'))).toEqual([
      'vault:jwt-config-missing',
    ]);
    expect(
      ours(
        cliError('auth/kubernetes/login', 500, '* 1 error occurred:', '\t* could not load backend configuration', ''),
      ),
    ).toEqual(['vault:kubernetes-config-missing']);
    // A JWT login on a mount whose config holds an OIDC client: Vault 1.7 and later, then 1.6 and older.
    expect(
      ours(actionError('400 (Bad Request)', 'error configuring token validator: unsupported config type')),
    ).toEqual(['vault:jwt-login-oidc-mount']);
    expect(ours(cliError('auth/jwt/login', 500, '* unhandled case during login'))).toEqual([
      'vault:jwt-login-oidc-mount',
    ]);
    // Writing a role or the config.
    expect(ours(cliError('auth/jwt/role/deploy', 400, '* a user claim must be defined on the role'))).toEqual([
      'vault:role-user-claim-required',
    ]);
    expect(
      ours(
        cliError(
          'auth/jwt/config',
          400,
          '* error checking discovery URL: Get https://idp.corp.example/.well-known/openid-configuration: dial tcp: lookup idp.corp.example: no such host',
        ),
      ),
    ).toEqual(['vault:config-key-source']);
    const curl = [
      '$ curl -s -H "X-Vault-Token: $VAULT_TOKEN" -X POST -d @jwt-config.json $VAULT_ADDR/v1/auth/jwt/config',
      '{"errors":["error checking jwks_ca_pem"]}',
    ].join('\n');
    expect(ours(curl)).toEqual(['vault:config-key-source']);
  });

  it("short refusals (missing role, missing token) are read as Vault's beside its text only", () => {
    expect(ours(actionError('400 (Bad Request)', 'missing role'))).toEqual(['vault:login-role-missing']);
    expect(ours(actionError('400 (Bad Request)', 'missing token'))).toEqual(['vault:login-jwt-missing']);
    expect(ours(actionError('400 (Bad Request)', 'missing jwt'))).toEqual(['vault:login-jwt-missing']);
    expect(ours('level=error msg="request rejected" handler=/api/v2/session error="missing token"')).toEqual([]);
    expect(ours('2026-12-01 09:14:02 WARN  acl: grant refused for user 1234: missing role')).toEqual([]);
    expect(ours('could not load configuration from /etc/ingest/pipeline.yaml: no such file or directory')).toEqual([]);
    // Consul's JWT auth method has the same words, without Vault's around them.
    expect(
      ours('[ERROR] agent.http: Request error: method=POST url=/v1/acl/login error="unhandled case during login"'),
    ).toEqual([]);
  });

  it("the Kubernetes auth method's server log says why a login got permission denied", () => {
    const debug =
      '2026-12-01T09:30:12.418Z [DEBUG] auth.kubernetes.auth_kubernetes_8c2d41e7: login unauthorized: err="Post \\"https://10.20.0.1:443/apis/authentication.k8s.io/v1/tokenreviews\\": dial tcp 10.20.0.1:443: i/o timeout"';
    expect(ours(debug)).toEqual(['vault:kubernetes-login-unauthorized']);
    const json =
      '{"@level":"debug","@message":"login unauthorized","@module":"auth.kubernetes.auth_kubernetes_3b9f0c12","@timestamp":"2026-12-01T09:31:40.022511Z","err":"lookup failed: service account jwt not valid"}';
    expect(ours(json)).toEqual(['vault:kubernetes-jwt-not-valid', 'vault:kubernetes-login-unauthorized']);
    const older =
      '2022-02-14T16:05:51.730Z [ERROR] auth.kubernetes.auth_kubernetes_0e7a55d9: login unauthorized due to: Post "https://kubernetes.default.svc/apis/authentication.k8s.io/v1/tokenreviews": x509: certificate signed by unknown authority';
    expect(ours(older)).toEqual(['vault:kubernetes-login-unauthorized']);
    expect(
      ours('2026-12-01 09:32:00,118 WARN [http-nio-8080-exec-4] c.a.w.LoginFilter - login unauthorized for user "kim"'),
    ).toEqual([]);
    expect(ours('Dec  1 09:33:10 web01 sshd[2211]: login unauthorized: account expired')).toEqual([]);
  });
});
