// `npm run gate:html` validates every page of the built site with these rules.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // A paper's page is titled with the paper's own title, which often runs past 70 characters. The rule is about
    // where search engines cut a title in their results, not about valid HTML: cutting a paper's title loses it.
    'long-title': 'off',
  },
};
