import { describe, expect, it } from 'vitest';
import { speakerOf } from '../../test/helpers/speaker-of.js';

describe('leadPhrase', () => {
  it.each([
    ['leadPhrase: a headline noun names what the lead calls it',
      'Survey: Older Drivers Prefer Trains.\n\nA Harbor Institute survey shows that older drivers prefer trains.', 'Survey', 'Harbor Institute survey'],
    ['leadPhrase: a headline role names the person the lead gives that role',
      'Retired Admiral Warns Of Cuts.\n\nRetired Navy Adm. Ana Ruiz is warning that the cuts go too far.', 'Retired Admiral', 'Ana Ruiz'],
    ['leadPhrase: a name the article uses again stays the speaker',
      'Ana Ruiz Grills Harbor Bank CEO: Resign.\n\nSen. Ana Ruiz grilled Harbor Bank CEO Paul Eder on Tuesday.', 'Ana Ruiz Grills Harbor Bank CEO', 'Ana Ruiz'],
  ])('%s', (_, text, source, expected) => {
    expect(speakerOf(text, source)).toBe(expected);
  });
});
