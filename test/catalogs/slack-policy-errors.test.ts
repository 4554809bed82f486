import { describe, expect, it } from 'vitest';
import { bestOf, confidentOf, useShippedResolver } from '../helpers/shipped-resolver.js';

// Slack's workspace, org and network policy errors (enterprise_is_restricted, no_permission, accesslimited, ...)
// as they show up in public issue threads: each sample is text people pasted there (the thread beside it;
// tokens redacted as posted), then ordinary lines with the same words that must not read as Slack's errors.
const resolver = useShippedResolver();

const confident = (text: string) => confidentOf(resolver, text);
const best = (query: string) => bestOf(resolver, query);

describe('Slack policy errors in pastes', () => {
  it('enterprise_is_restricted from an Emacs client calling rtm.connect', () => {
    // https://github.com/emacs-slack/emacs-slack/issues/543
    expect(
      confident(
        '[2020-12-03 09:07:52] [trace] REQUEST FINISHED. URL: "https://slack.com/api/rtm.connect", PARAMS: (("mpim_aware" . "1") ("presence_sub" . "true")), DATA: (:ok :json-false :error "enterprise_is_restricted") - Foo',
      ),
    ).toEqual(['slack:enterprise_is_restricted']);
  });

  it('enterprise_is_restricted from wee-slack, with no Slack URL, is the best reading', () => {
    // https://github.com/wee-slack/wee-slack/issues/910
    expect(
      best(
        'ERROR: Failed connecting to Slack with token xoxc-<start of xoxc token>...<end of xoxd token>: channels: enterprise_is_restricted, presence: enterprise_is_restricted, channels: enterprise_is_restricted',
      ),
    ).toBe('slack:enterprise_is_restricted');
  });

  it('a question naming a code finds its entry', () => {
    expect(best('slack api accesslimited')).toBe('slack:accesslimited');
    expect(best('slack two_factor_setup_required')).toBe('slack:two_factor_setup_required');
    expect(best('slack org_login_required')).toBe('slack:org_login_required');
    expect(best('slack ekm_access_denied')).toBe('slack:ekm_access_denied');
  });
});

describe('ordinary lines with the same words are not Slack errors', () => {
  it('no sure finding without Slack clues', () => {
    expect(confident('The user has no_permission to edit this page')).toEqual([]);
    expect(confident("return {'error': 'no_permission', 'error_description': 'have no permission'}, 401")).toEqual([]);
    expect(confident('WARN accesslimited: quota reached for tenant acme')).toEqual([]);
    expect(confident('two_factor_setup_required: true')).toEqual([]);
    expect(confident('org_login_required=false in config')).toEqual([]);
    expect(confident('feature flag enterprise_is_restricted disabled for plan basic')).toEqual([]);
  });
});
