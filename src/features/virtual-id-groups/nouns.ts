import { noun } from '../../lib/plural';

/** How this page counts what it shows. */
export const nouns = {
  member: noun('member'),
  virtualId: noun('virtual ID'),
};
