// Compiles the council's stylesheet and copies the npm packages' scripts, fonts and images into wwwroot.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const modules = join(root, 'node_modules')
const www = join(root, 'wwwroot')

const css = sass.compile(join(root, 'assets', 'app.scss'), {
  loadPaths: [root, modules],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin']
})
mkdirSync(join(www, 'css'), { recursive: true })
writeFileSync(join(www, 'css', 'app.css'), css.css)

// MoJ Frontend's Sass re-configures GOV.UK Frontend and cannot share our settings, so its compiled stylesheet
// is used with the GOV.UK-only typeface taken out of its font stacks.
const mojCss = readFileSync(join(modules, '@ministryofjustice', 'frontend', 'moj', 'moj-frontend.min.css'), 'utf8')
  .replaceAll('"GDS Transport",', '').replaceAll('GDS Transport,', '')
writeFileSync(join(www, 'css', 'moj.css'), mojCss)

const govuk = join(modules, 'govuk-frontend', 'dist', 'govuk')
const moj = join(modules, '@ministryofjustice', 'frontend', 'moj')
mkdirSync(join(www, 'lib', 'govuk'), { recursive: true })
mkdirSync(join(www, 'lib', 'moj'), { recursive: true })
cpSync(join(govuk, 'govuk-frontend.min.js'), join(www, 'lib', 'govuk', 'govuk-frontend.min.js'))
cpSync(join(govuk, 'assets', 'images'), join(www, 'lib', 'govuk', 'assets', 'images'), { recursive: true })
cpSync(join(moj, 'moj-frontend.min.js'), join(www, 'lib', 'moj', 'moj-frontend.min.js'))
cpSync(join(moj, 'assets'), join(www, 'lib', 'moj', 'assets'), { recursive: true })
cpSync(join(root, 'assets', 'app.js'), join(www, 'lib', 'app.js'))
console.log('front-end assets built')
