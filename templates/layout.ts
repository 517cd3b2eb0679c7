import { PHOTO_SETTINGS } from '../src/markup/images.ts';

/**
 * The article column and the photos in it, side by side because they must agree. style.css sets the
 * column's width with `--measure`; a photo's `sizes` tells the browser how wide the photo will be drawn
 * before the stylesheet has arrived, so that it fetches the right one of `photoWidths`. Changing one
 * means changing the other: test/browser/layout.test.ts fails when the width `sizes` announces and the
 * width the column really has differ by more than 15% at any window width, and test/site/markup.test.ts
 * when style.css's `--measure` is not the one written here.
 */
export const articleColumn = {
  /** style.css's `--measure`: the column is this many characters of body text wide (`main` less its padding). */
  measure: '65ch',
  /** From a 44rem-wide window on, the column stops growing at about 40rem (65 characters); below, photos fill the screen. */
  photoSizes: '(min-width: 44rem) 40rem, 100vw',
  /** Widths of the files made from each photo, in pixels: the column, and the column on a sharp screen or a phone's whole width. */
  photoWidths: PHOTO_SETTINGS.widths,
} as const;
