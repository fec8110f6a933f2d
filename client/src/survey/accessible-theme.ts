import type { ITheme } from 'survey-core';
import { themeColours as c } from './theme-colours.js';

/**
 * The default SurveyJS theme fails WCAG AA (2.65:1 on the primary button, 4.48:1 for secondary text, a
 * pale focus ring and 1.5:1 input borders). These survey-core 3 variables (`--sjs2-*`; the legacy
 * `--sjs-primary-backcolor` family maps onto them) replace every colour that carries text or state.
 */
export const accessibleTheme: ITheme = {
  themeName: 'stj-toegankelijk',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-typography-font-family-text': 'var(--font-body)',
    '--sjs2-color-project-brand-600': c.brand,
    '--sjs2-color-project-brand-700': c.brandDark,
    '--sjs2-color-project-brand-800': c.brandDarker,
    '--sjs2-color-project-brand-400': c.brand,
    '--sjs2-color-fg-brand-on-primary': c.onBrand,
    '--sjs2-color-fg-basic-primary': c.text,
    '--sjs2-color-fg-basic-secondary': c.textMuted,
    '--sjs2-color-fg-basic-tertiary': c.textMuted,
    '--sjs2-color-utility-surface-survey': c.surface,
    '--sjs2-color-utility-body': c.surface,
    '--sjs2-color-utility-sheet': c.sheet,
    '--sjs2-color-utility-a11y': c.focus,
    // Input and choice outlines need 3:1 against their background (WCAG 1.4.11); the default is 1.5:1.
    '--sjs2-color-component-input-default-line': c.inputBorder,
    '--sjs2-color-component-formbox-default-border': c.inputBorder,
    '--sjs2-color-component-formbox-hovered-border': c.inputBorder,
    '--sjs2-color-component-radio-false-default-border': c.inputBorder,
    '--sjs2-color-component-checkbox-false-default-border': c.inputBorder,
    '--sjs2-color-component-checkbox-false-hovered-border': c.inputBorder,
    '--sjs2-color-component-radio-false-hovered-border': c.inputBorder,
    '--sjs2-color-component-boolean-default-border': c.inputBorder,
    '--sjs2-color-component-input-default-placeholder': c.textMuted,
    '--sjs2-color-fg-alert-primary': c.error,
    '--sjs2-color-bg-alert-primary': c.error,
    '--sjs2-color-border-alert-primary': c.error,
    '--sjs2-color-bg-alert-secondary': c.errorBackground,
    '--sjs2-color-component-message-error-text': c.error,
  },
};
