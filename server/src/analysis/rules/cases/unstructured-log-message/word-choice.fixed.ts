// @case library=pino loggerModule=src/logger.ts
// A choice between words after a determiner (`the ${is4k ? '4K' : 'non-4K'} movie`, `in any ${...}`)
// is a word of the sentence: "was not found in any and Plex instance" says something else, and the
// field gets a neighbour's word for a name (`any`, `movie`). The rewrite is offered, not applied
// (Overseerr's availability sync). At the end, or after a label, the choice is a value of its own.
import { logger } from '../logger';

export function notFound(is4k: boolean, mediaType: string, tmdbId: number) {
  logger.info(`The ${is4k ? '4K' : 'non-4K'} movie [TMDB ID ${tmdbId}] was not found in any ${mediaType === 'movie' ? 'Radarr' : 'Sonarr'} and Plex instance.`);
  logger.debug(`Failure updating the ${is4k ? '4K' : 'non-4K'} ${mediaType === 'tv' ? 'show' : 'movie'} [TMDB ID ${tmdbId}].`);
}

export function lookups(hit: boolean, key: string) {
  // The choice closes the sentence, or follows a label: a value, rewritten by fix-all.
  logger.info({ key, hitState: hit ? 'hit' : 'miss' }, 'Cache lookup for key');
}
