/** The largest photo upload or embedded image: a 10 MB camera original is the largest anyone sends on purpose. */
export const MAX_PHOTO_INPUT_BYTES = 10 * 1024 * 1024;
/** 40 megapixels: any camera's picture, but not a 1 KB PNG that claims 100,000×100,000 (a pixel bomb). */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** The stored size: an avatar is shown at 40–120 CSS px, so 512 covers a 4× screen. */
export const PHOTO_SIZE = 512;
