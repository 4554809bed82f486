import { describe, expect, it } from 'vitest';
import { confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Amazon Cognito user pools as their errors show up in app and server logs.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);

describe('Amazon Cognito', () => {
  it('an Amplify sign-in failure and a boto3 secret hash error', () => {
    const amplify = [
      '[ERROR] 12:01:03 Auth - NotAuthorizedException: Incorrect username or password.',
      '    at node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/clients/base.mjs:45',
    ].join('\n');
    expect(confident(amplify)).toEqual(['cognito:NotAuthorizedException']);
    const boto =
      'botocore.errorfactory.NotAuthorizedException: An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: Unable to verify secret hash for client 1example23456789';
    expect(confident(boto)).toEqual(['cognito:NotAuthorizedException']);
  });

  it("the token endpoint's invalid_grant is Cognito's only next to Cognito", () => {
    const token = 'POST https://acme.auth.eu-west-1.amazoncognito.com/oauth2/token -> 400 {"error":"invalid_grant"}';
    expect(confident(token)).toEqual(['cognito:invalid_grant']);
    expect(confident('POST /oauth2/token -> 400 {"error":"invalid_grant"}')).toEqual(['oauth2:invalid_grant']);
  });

  it("the hosted UI's error page, as people quote and paste it, is its redirect URI refusal (with the page's caveat)", () => {
    // https://github.com/awslabs/sagemaker-dashboards-for-ml/issues/4 (its title)
    const [title] = resolver.lookup("'An error was encountered with the requested page.'");
    expect(`${title?.provider}:${title?.code}`).toBe('cognito:redirect_mismatch');
    expect(title?.entry?.warnings.join(' ')).toContain('error parameter');
    // https://github.com/aws-amplify/amplify-js/issues/755
    const page = [
      'The above url re-directs to',
      '> https://xxxxx.auth.eu-west-2.amazoncognito.com/error#',
      'The re-directed pages shows the below error and the link "View error" doesn\'t provide any details',
      '> An error was encountered with the requested page. View error',
    ].join('\n');
    expect(confident(page)).toEqual(['cognito:redirect_mismatch']);
  });

  it('words other services print too are not taken for Cognito', () => {
    expect(
      confident(
        "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/app.git/'",
      ),
    ).not.toContain('cognito:NotAuthorizedException');
    expect(confident('Incorrect username or password.')).toEqual([]);
  });
});
