/**
 * The colours the survey theme is built from, kept apart from survey-core so tests can check their
 * contrast without a browser. The brand blue is the Rijkshuisstijl donkerblauw used in base.css.
 */
export const themeColours = {
  brand: '#154273',
  brandDark: '#0f3157',
  brandDarker: '#0b2541',
  onBrand: '#ffffff',
  text: '#1a1a1a',
  textMuted: '#4a4a4a',
  surface: '#f3f5f8',
  sheet: '#ffffff',
  inputBorder: '#6b7785',
  error: '#b0002a',
  errorBackground: '#fdecef',
  focus: '#154273',
} as const;
