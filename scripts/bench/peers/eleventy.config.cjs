// Eleventy peer: the strategy's chapters as plain Markdown pages, no layout (the floor for a static site generator).
module.exports = () => ({
  dir: { input: '.', output: process.env.BENCH_ELEVENTY_OUT },
  markdownTemplateEngine: false,
  templateFormats: ['md'],
});
