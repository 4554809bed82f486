import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Notion, Figma, Adobe (IMS and the Adobe I/O gateway) and Autodesk Platform Services as their token and
// authorization errors show up in public issue threads: each sample is text people pasted there (the thread
// beside it; tokens redacted, long traces cut), then ordinary lines with similar words that must not be read as
// these providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const PROVIDERS = ['notion', 'figma', 'adobe', 'autodesk'];
const ours = (text: string) => confidentAmong(resolver, text, PROVIDERS);

describe('Notion', () => {
  it("unauthorized from @notionhq/client and notion-client's APIResponseError", () => {
    // https://github.com/YusukeKokubo/create-github-issues-by-notion-database/issues/57
    const js = [
      "@notionhq/client warn: request fail { code: 'unauthorized', message: 'API token is invalid.' }",
      'APIResponseError: API token is invalid.',
      '    at Object.buildRequestError (/Users/boris/create-github-issues-by-notion-database/node_modules/@notionhq/client/src/errors.ts:240:12)',
    ].join('\n');
    expect(confident(js)).toEqual(['notion:unauthorized']);
    // https://github.com/paperboi/kindle2notion/issues/81
    expect(confident('`notion_client.errors.APIResponseError: API token is invalid`')).toEqual(['notion:unauthorized']);
  });

  it('object_not_found for a database not shared with the integration', () => {
    // https://github.com/alessandrobelli/NotionHook/issues/3
    const log = [
      '@notionhq/client warn: request fail {',
      "  code: 'object_not_found',",
      "  message: 'Could not find database with ID: bdc6e606-7314-4e6a-90ff-e8906c219bc4. Make sure the relevant pages and databases are shared with your integration.'",
      '}',
    ].join('\n');
    expect(confident(log)).toEqual(['notion:object_not_found']);
  });

  it('restricted_resource by its message, and lookups by name', () => {
    // https://github.com/makenotion/notion-sdk-js/issues/494 (the title)
    expect(best('Error: Insufficient permissions for this endpoint.')).toBe('notion:restricted_resource');
    expect(best('restricted_resource')).toBe('notion:restricted_resource');
    expect(best('notion unauthorized')).toBe('notion:unauthorized');
    expect(best('notion object_not_found')).toBe('notion:object_not_found');
  });
});

describe('Figma', () => {
  it('403 Invalid token from Code Connect and a desktop client', () => {
    // https://github.com/figma/code-connect/issues/352
    expect(
      ours(
        'OAuth tokens set in `FIGMA_ACCESS_TOKEN` are rejected with error message\nFailed to to fetch node info (403): 403 Invalid token',
      ),
    ).toEqual(['figma:figma-invalid-token']);
    expect(best('figma 403 Invalid token')).toBe('figma:figma-invalid-token');
  });

  it('the retired www.figma.com OAuth endpoint', () => {
    // https://github.com/GitbookIO/integrations/pull/824
    const log =
      '[integrations] Error: Failed to exchange code for access token {"error":true,"status":404,"message":"Please make requests to api.figma.com/v1/oauth/... instead of www.figma.com/api/oauth/... Visit https://www.figma.com/developers/docs#oauth-api-migration for more details.","i18n":"error.not_found"';
    expect(confident(log)).toEqual(['figma:figma-oauth-endpoint-moved']);
  });
});

describe('Adobe', () => {
  it('401013 Oauth token is not valid from the aio CLI, the Photoshop SDK and a PHP client', () => {
    // https://github.com/adobe/aio-cli-plugin-app/issues/747
    expect(
      confident(
        'Error: [CoreConsoleAPISDK:ERROR_GET_WORKSPACE_ENDPOINTS] 401 - Unauthorized ({"error_code":"401013","message":"Oauth token is not valid"})',
      ),
    ).toEqual(['adobe:401013']);
    // https://github.com/adobe/aio-cli-plugin-cloudmanager/issues/274
    expect(
      ours(
        'starting execution... [CloudManagerSDK:ERROR_LIST_PROGRAMS] Cannot retrieve programs: https://cloudmanager.adobe.io/api/programs (401 Unauthorized) - Detail: Oauth token is not valid (Code: 401013)',
      ),
    ).toEqual(['adobe:401013']);
    // https://github.com/adobe/stock-api-libphp/issues/19
    expect(ours('{"error_code":"401013","message":"Oauth token is not valid"}')).toEqual(['adobe:401013']);
  });

  it('403003 Api Key is invalid, and IMS invalid_scope for a JWT metascope', () => {
    // https://github.com/AdobeDocs/adobeio-auth/issues/54
    expect(ours('{\n  "error_code": "403003",\n  "message": "Api Key is invalid"\n}')).toEqual(['adobe:403003']);
    // https://github.com/adobe/jwt-auth/issues/6
    expect(
      ours(
        "we were receiving an object like `{ error_description: 'The metascopes in the JWT are not a subset of the metascopes in the binding.', error: 'invalid_scope' }`",
      ),
    ).toEqual(['adobe:invalid_scope']);
  });

  it('invalid_scope on the IMS authorize callback, and lookups', () => {
    // https://github.com/AdobeDocs/adobeio-auth/issues/77
    expect(
      ours(
        'I am logging into https://ims-na1.adobelogin.com/ims/authorize just fine when using these scopes:\n`openid,lr_partner_apis,offline_access`\nbut when I try to use `openid,lr_partner_apis,offline_access,email`\nI get an error=invalid_scope',
      ),
    ).toEqual(['adobe:invalid_scope']);
    expect(best('401013')).toBe('adobe:401013');
    expect(best('adobe invalid_client')).toBe('adobe:invalid_client');
  });
});

describe('Autodesk Platform Services', () => {
  it('AUTH-001 and AUTH-003 bodies from the token endpoint', () => {
    // https://github.com/Autodesk-Forge/reality.capture-nodejs-photo.to.3d/issues/5
    expect(
      confident(
        '{ "developerMessage":"The client_id specified does not have access to the api product","userMessage":"","errorCode":"AUTH-001","more info":"http://developer.api.autodesk.com/documentation/v1/errors/AUTH-001"}',
      ),
    ).toEqual(['autodesk:AUTH-001']);
    // https://github.com/Autodesk-Forge/forge-tutorial-postman/issues/29
    const body = [
      '{',
      '    "developerMessage": "The client_id (application key)/client_secret are not valid",',
      '    "errorCode": "AUTH-003",',
      '    "more info": "https://forge.autodesk.com/en/docs/oauth/v2/developers_guide/error_handling/"',
      '}',
    ].join('\n');
    expect(confident(body)).toEqual(['autodesk:AUTH-003']);
  });

  it('looks up the AUTH codes and their messages', () => {
    // https://github.com/Autodesk-Forge/forge-viewmodels/issues/6 (an auth010 error, asked about by its code)
    expect(best('AUTH-010')).toBe('autodesk:AUTH-010');
    expect(best('AUTH-006')).toBe('autodesk:AUTH-006');
    // https://github.com/autodesk-platform-services/vault-data-api-samples/issues/2 (the title)
    expect(best('The client_id specified does not have access to the API product')).toBe('autodesk:AUTH-001');
  });
});

describe('not these providers', () => {
  it('ordinary lines with the same words are not sure findings of notion, figma, adobe or autodesk', () => {
    expect(ours('2024-05-01 WARN api: 401 unauthorized for /v1/orders (token missing)')).toEqual([]);
    expect(ours('lookup failed: object_not_found in cache layer, refetching')).toEqual([]);
    expect(ours('jwt verify: Invalid token')).toEqual([]);
    expect(ours('{"error":"invalid_client","error_description":"Client authentication failed"}')).toEqual([]);
    expect(ours('order 401013 shipped on 2024-03-02')).toEqual([]);
    expect(ours('We opened https://www.figma.com/file/abc/Design then the API said {"error":"invalid_grant"}')).toEqual(
      [],
    );
  });
});
