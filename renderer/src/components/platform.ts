export const isMacPlatform = (): boolean => /mac/i.test(navigator.userAgent);
