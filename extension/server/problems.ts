// The states in which a page cannot show its content, how each one reads and what gets the user out.
import type { Problem } from '../messaging/types';
import { ApiFailure } from '@shared/client';

interface ProblemCopy {
  title: string;
  message: string;
  /** `options` opens the options page; `retry` tries again. */
  action: { label: string; does: 'options' | 'retry' };
}

export const problemCopy: Record<Problem, ProblemCopy> = {
  'signed-out': {
    title: 'Not signed in',
    message: 'Connect to your Alongside server and sign in to see what colleagues wrote about this page.',
    action: { label: 'Open settings', does: 'options' },
  },
  expired: {
    title: 'Your session has ended',
    message: 'Sign in again to see and post notes. Your drafts are kept.',
    action: { label: 'Sign in again', does: 'options' },
  },
  unreachable: {
    title: 'Server unreachable',
    message: 'The Alongside server is not answering. Anything you post waits here and is sent when it is back.',
    action: { label: 'Try again', does: 'retry' },
  },
  offline: {
    title: 'You are offline',
    message: 'Notes load again when your connection is back. Anything you post waits here until then.',
    action: { label: 'Try again', does: 'retry' },
  },
  'permission-revoked': {
    title: 'Access was turned off',
    message: 'The browser no longer lets Alongside reach this site or its server. Grant access again in the settings.',
    action: { label: 'Open settings', does: 'options' },
  },
  error: {
    title: 'Something went wrong',
    message: 'This page could not be loaded.',
    action: { label: 'Try again', does: 'retry' },
  },
};

/** The problem a failed call means for the user, given whether the browser believes it is online. */
export function problemOf(err: unknown, online: boolean): Problem {
  if (err instanceof ApiFailure) {
    if (err.kind === 'unauthorized') return 'expired';
    if (err.kind === 'unreachable') return online ? 'unreachable' : 'offline';
    return 'error';
  }
  return online ? 'error' : 'offline';
}
