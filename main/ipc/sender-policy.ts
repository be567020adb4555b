/** Who sent an IPC message: the URL of the frame (Electron) or the request's Origin (test bridge). */
export interface SenderInfo {
  readonly url: string | undefined;
}

/**
 * A message is trusted only when it comes from one of our own origins; anything else, including a
 * frame we navigated away from or a missing URL, is refused before its input is even parsed.
 */
export const createSenderPolicy = (trustedOrigins: readonly string[]) => {
  const origins = new Set(trustedOrigins);
  return (sender: SenderInfo): boolean => {
    if (sender.url === undefined) return false;
    const origin = originOf(sender.url);
    return origin !== undefined && origins.has(origin);
  };
};

const originOf = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    // Custom schemes (app://giftbatch) report the origin "null"; compare scheme and host instead.
    return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return undefined;
  }
};
