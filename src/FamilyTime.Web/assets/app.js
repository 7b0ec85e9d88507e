// Loaded as a module from a file (the Content-Security-Policy allows no inline script).
// GOV.UK Frontend's components only enhance pages that already work without JavaScript.
import { initAll } from '/lib/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
