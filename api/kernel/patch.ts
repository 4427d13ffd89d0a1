/**
 * One behaviour for every PATCH: a patch that names nothing to change (an empty body, or only keys the
 * endpoint does not know, which validation strips) changes nothing, and answers with the thing as it is.
 */
export const changesNothing = (patch: object): boolean => Object.values(patch).every((value) => value === undefined);
