import { useEffect, useRef } from 'react';
import type { Model } from 'survey-core';

/**
 * After "Volgende"/"Vorige" the old page's content is gone and focus with it; move focus to the new
 * page's title so keyboard and screen-reader users start at the top of the page they asked for.
 * Returns a function that skips this once (when something else, like the error summary, takes focus):
 * then SurveyJS's scroll to the new page is skipped too, or it would scroll that element out of view.
 */
export function usePageFocus(model: Model): () => void {
  const skip = useRef(false);
  const skipScroll = useRef(false);
  useEffect(() => {
    let pageChanged = false;
    const onScrollToTop = (_: Model, options: { allow: boolean }) => {
      if (!skipScroll.current) return;
      skipScroll.current = false;
      options.allow = false;
    };
    const onPageChanged = () => {
      pageChanged = true;
    };
    const onAfterRender = (_: Model, options: { htmlElement: HTMLElement }) => {
      if (!pageChanged) return;
      pageChanged = false;
      if (skip.current) {
        skip.current = false;
        // Whether SurveyJS scrolls before or after this render, it is this page change's scroll.
        setTimeout(() => {
          skipScroll.current = false;
        }, 500);
        return;
      }
      const title = options.htmlElement.querySelector<HTMLElement>('.sd-page__title');
      if (!title) return;
      title.tabIndex = -1;
      title.focus();
    };
    model.onCurrentPageChanged.add(onPageChanged);
    model.onAfterRenderPage.add(onAfterRender);
    model.onScrollToTop.add(onScrollToTop);
    return () => {
      model.onScrollToTop.remove(onScrollToTop);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onAfterRenderPage.remove(onAfterRender);
    };
  }, [model]);
  return () => {
    skip.current = true;
    skipScroll.current = true;
  };
}
