import { describe, expect, it } from 'vitest';
import { bestOf, confidentAmong, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Microsoft.Identity.Web (IDW10xxx) and Azure DevOps' authentication and authorization errors as they show up in
// public issue threads: each sample is text people pasted there (the thread beside it; tokens, e-mail addresses
// and GUIDs left as posted unless they identify someone), then ordinary lines with similar words that must not be
// read as these providers' errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);
const ours = (text: string) => confidentAmong(resolver, text, ['microsoft-identity-web', 'azure-devops']);

describe('Microsoft.Identity.Web', () => {
  it('IDW10201 from a protected web API, with and without its id', () => {
    // https://github.com/AzureAD/microsoft-identity-web/issues/1710
    expect(
      confident(
        'System.UnauthorizedAccessException: IDW10201: Neither scope or roles claim was found in the bearer token.',
      ),
    ).toEqual(['microsoft-identity-web:IDW10201']);
    // https://github.com/Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2/issues/374 (before the ids)
    const log = [
      'fail: Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[3]',
      '      Exception occurred while processing message.',
      'System.UnauthorizedAccessException: Neither scope or roles claim was found in the bearer token.',
      '   at Microsoft.Identity.Web.WebApiAuthenticationBuilderExtensions.<>c__DisplayClass1_1.<<AddProtectedWebApi>b__1>d.MoveNext()',
    ].join('\n');
    expect(ours(log)).toEqual(['microsoft-identity-web:IDW10201']);
  });

  it('IDW10203 from [RequiredScope] and IDW10404 from an app token request', () => {
    // https://github.com/AzureAD/microsoft-identity-web/issues/1339
    expect(
      confident("'IDW10203: The 'scope' or 'scp' claim does not contain scopes 'search:users' or was not found. '"),
    ).toEqual(['microsoft-identity-web:IDW10203']);
    // https://github.com/AzureAD/microsoft-identity-web/issues/2217
    expect(
      confident(
        "'IDW10404: 'scope' parameter should be of the form 'AppIdUri/.default'. See https://aka.ms/ms-id-web/daemon-scenarios.  (Parameter 'scope')'",
      ),
    ).toEqual(['microsoft-identity-web:IDW10404']);
  });

  it('looks up the ids and a message, IDW10502 among them', () => {
    expect(best('IDW10201')).toBe('microsoft-identity-web:IDW10201');
    expect(best('IDW10503')).toBe('microsoft-identity-web:IDW10503');
    expect(best('IDW10106')).toBe('microsoft-identity-web:IDW10106');
    expect(best('Neither scope nor roles claim was found in the bearer token')).toBe('microsoft-identity-web:IDW10201');
    expect(best('IDW10502')).toBe('microsoft-identity-web:IDW10502');
  });

  it("does not read ASP.NET Core's own option check or IdentityModel's IDX40003 as Identity.Web's", () => {
    // https://github.com/DuendeSoftware/samples/issues/46
    expect(ours("System.ArgumentException: The 'ClientId' option must be provided. (Parameter 'ClientId')")).toEqual(
      [],
    );
    // https://github.com/microsoft/botframework-sdk/issues/6644
    expect(
      ours(
        'IDX40003: Neither `tid` nor `tenantId` claim is present in the token obtained from Microsoft identity platform.',
      ),
    ).toEqual([]);
  });
});

describe('Azure DevOps', () => {
  it('VS30063 from a pipelines agent, a .NET client and the old TF30063', () => {
    // https://github.com/MicrosoftDocs/azure-devops-docs/issues/12815 (the title)
    expect(
      confident('Windows start.ps1 does not work - VS30063: You are not authorized to access https://dev.azure.com'),
    ).toEqual(['azure-devops:VS30063']);
    // https://github.com/microsoft/vsts-work-item-migrator/issues/94
    expect(
      confident(
        'Common.Validation.ValidationException: An unexpected error occurred while validating project permissions ---> Microsoft.VisualStudio.Services.Common.VssUnauthorizedException: VS30063: You are not authorized to access',
      ),
    ).toEqual(['azure-devops:VS30063']);
    // https://github.com/generalov/vscode-tfs/issues/16
    expect(best('TF30063: You are not authorized to access dev.azure.com/<MyCompany>.')).toBe('azure-devops:VS30063');
  });

  it('TF400813 with an empty user and with a named one', () => {
    // https://github.com/ankitbko/vscode-pull-request-azdo/issues/4 (the title)
    expect(confident("Error: TF400813: The user '' is not authorized to access this resource.")).toEqual([
      'azure-devops:TF400813',
    ]);
    // https://github.com/bizmonger/Nikeza/issues/30 (the address redacted)
    const page = [
      '> 401 ',
      '> Not Authorized',
      '> More information about this error',
      "> TF400813: The user 'Windows Live ID\\user@example.net' is not authorized to access this resource.",
    ].join('\n');
    expect(ours(page)).toEqual(['azure-devops:TF400813']);
  });

  it('the expired personal access token in the JSON body vsce and the REST API return', () => {
    // https://github.com/haskell/vscode-haskell/issues/678
    const body =
      'Error: {"$id":"1","customProperties":{"Descriptor":null,"IdentityDisplayName":null,"Token":null,"RequestedPermissions":0,"NamespaceId":"00000000-0000-0000-0000-000000000000"},"innerException":null,"message":"Access Denied: The Personal Access Token used has expired.","typeName":"Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio.Services.WebApi","typeKey":"AccessCheckException","errorCode":0,"eventId":3000}';
    expect(confident(body)).toEqual(['azure-devops:pat-expired']);
    expect(best('Personal Access Token used has expired')).toBe('azure-devops:pat-expired');
  });

  it("TF401019 and TF401027 from pipelines' git and REST calls", () => {
    // https://github.com/shayki5/azure-devops-create-pr-task/issues/191
    expect(
      confident(
        '2025-03-29T18:15:18.7394318Z ##[debug]Invoke-RestMethod : {"$id":"1","innerException":null,"message":"TF401019: The Git repository with name or identifier 2180c150-937a-4db5-ac13-470ffd953de3 does not exist or you do not have permissions for the operation you are attempting.","typeName":"Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException, Microsoft.TeamFoundation.Git.Server","typeKey":"GitRepositoryNotFoundException","errorCode":0,"eventId":3000}',
      ),
    ).toEqual(['azure-devops:TF401019']);
    // https://github.com/gbrueckl/PowerBI.CICD/issues/2
    const push = [
      'remote: 001f# service=git-receive-pack',
      "remote: 0000000000aaTF401027: You need the Git 'GenericContribute' permission to perform this action. Details: identity 'Build\\9ae909ca-d00d-4819-ad4a-736f9b355ad8', scope 'repository'.",
      "remote: TF401027: You need the Git 'GenericContribute' permission to perform this action. Details: identity 'Build\\9ae909ca-d00d-4819-ad4a-736f9b355ad8', scope 'repository'.",
      "fatal: unable to access 'https://dev.azure.com/Demo233/Test12/_git/Test12/': The requested URL returned error: 403",
    ].join('\n');
    expect(ours(push)).toEqual(['azure-devops:TF401027']);
  });

  it('VS800075 from the az devops CLI', () => {
    // https://github.com/Azure/azure-devops-cli-extension/issues/1421
    expect(
      confident(
        "ERROR: VS800075: The project with id 'vstfs:///Classification/TeamProject/xxxxxxxxxxxxx' does not exist, or you do not have permission to access it.",
      ),
    ).toEqual(['azure-devops:VS800075']);
  });

  it("does not read other services' refusals as Azure DevOps'", () => {
    expect(ours('You are not authorized to access this page.')).toEqual([]);
    expect(ours('You are not authorized to access https://example.com/admin.')).toEqual([]);
    expect(ours('Access denied: you do not have permission to access it.')).toEqual([]);
    expect(ours('Your personal access token has expired. Please create a new one.')).toEqual([]);
  });
});
