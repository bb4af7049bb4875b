/** @odoo-module **/
// Step builders shared by the suite's tours: each returns an array of tour steps, to spread into
// a tour's steps. Feature addons import them as "@adv_base/../tests/tours/adv_steps".
import {registry} from "@web/core/registry";

const APP = '.o_app[data-menu-xmlid="adv_base.menu_root"]';

// The two layouts of the web client: the tour variant's suffix, the `isActive` keyword of its
// steps, and a first step whose trigger exists in that layout only (the navbar differs: the apps
// menu on a desktop, the burger menu on a phone).
const LAYOUTS = {
    desktop: {
        keyword: "desktop",
        proof: {
            content: "A desktop layout: the apps menu in the navbar, no burger menu",
            trigger: ".o_main_navbar:not(:has(.o_menu_toggle)) .o_navbar_apps_menu",
        },
    },
    phone: {
        keyword: "mobile",
        proof: {
            content: "A phone layout: the burger menu in the navbar, no apps menu",
            trigger: ".o_main_navbar:not(:has(.o_navbar_apps_menu)) a.o_menu_toggle",
        },
    },
};
const LAYOUT_KEYWORDS = ["desktop", "mobile"];

// The steps of `steps` for one layout, each run unconditionally: the steps of the other layout
// are dropped, and "desktop" / "mobile" are removed from `isActive`. Odoo would otherwise skip a
// phone step at a desktop size (and the other way round), so that a phone tour run at a desktop
// size would still pass; here a phone step (a card, the cog menu) must match, or the tour fails.
export function stepsForLayout(layout, steps) {
    const {keyword, proof} = LAYOUTS[layout];
    const kept = [];
    for (const step of steps) {
        const active = step.isActive || [];
        const layouts = active.filter((key) => LAYOUT_KEYWORDS.includes(key));
        if (layouts.length && !layouts.includes(keyword)) {
            continue;
        }
        const others = active.filter((key) => !LAYOUT_KEYWORDS.includes(key));
        const {isActive: _isActive, ...rest} = step;
        kept.push(others.length ? {...rest, isActive: others} : rest);
    }
    return [proof, ...kept];
}

// Register the tour `name` once per layout of `layouts`, as "<name>_desktop" and "<name>_phone":
// each starts by checking that the web client shows that layout, then runs the steps of that
// layout only (see stepsForLayout). `steps` returns the steps of both layouts, marked with
// `isActive: ["desktop"]` / `["mobile"]` where they differ.
export function addLayoutTours(name, steps, layouts = ["desktop", "phone"]) {
    for (const layout of layouts) {
        registry.category("web_tour.tours").add(`${name}_${layout}`, {
            steps: () => stepsForLayout(layout, steps()),
        });
    }
}

// Open the Sales Administration app from the home screen (the apps menu on a desktop, the burger
// menu on a phone): its first screen is My Day.
export function openAdvApp() {
    return [
        {
            isActive: ["desktop"],
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open Sales Administration",
            trigger: APP,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the burger menu",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Show all apps",
            trigger: ".o_sidebar_topbar a.btn-primary",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open Sales Administration",
            trigger: APP,
            run: "click",
        },
        {
            content: "My Day is the app's first screen",
            trigger: ".o_breadcrumb:contains(My Day)",
        },
    ];
}

// On the form of a blocked order's credit check: read why, release it with `reason` typed in the
// dialog, and see it released.
export function releaseCreditCheck(reason) {
    return [
        {
            content: "The reasons say by how much",
            trigger: ".o_form_view .o_field_widget[name=line_ids] :contains(over by)",
        },
        {
            content: "Release",
            trigger: ".o_form_view button[name=action_open_release]",
            run: "click",
        },
        {
            content: "Type the reason of the release in the dialog",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: `edit ${reason}`,
        },
        {
            content: "Confirm the release",
            trigger: ".modal footer button[name=action_apply]",
            run: "click",
        },
        {
            content: "The check is released",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Released)",
        },
    ];
}

// In the dialog of a supply chase's "Record the vendor's answer": the new promised `date` (as
// typed, e.g. "01/15/2031") and what the vendor said, then record.
export function recordVendorAnswer(date, comment) {
    return [
        {
            content: "The new promised date",
            trigger: ".modal .o_field_widget[name=date_promised] input",
            run: `edit ${date}`,
        },
        {
            content: "What the vendor said",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: `edit ${comment}`,
        },
        {
            content: "Record",
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
    ];
}

// Click the header button `name` of a form: in the status bar on a desktop, in the cog menu on a
// phone (where the web client moves the header buttons).
export function headerButton(name, content) {
    return [
        {
            isActive: ["desktop"],
            content,
            trigger: `.o_form_view .o_statusbar_buttons button[name=${name}]`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the cog menu of the form",
            trigger: ".o_control_panel .o_cp_action_menus button:has(i.fa-cog)",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content,
            trigger: `.o-dropdown--menu button[name=${name}]`,
            run: "click",
        },
    ];
}

// The actions a step makes the tour engine perform on a visible element (a click, a tap, an
// edit...): a step without `run` only waits for its trigger, and none of these tours runs a
// function that would do the work in JavaScript.
export function countActions(steps) {
    return steps.filter((step) => typeof step.run === "string").length;
}

// `steps`, then a last step that fails when they make more than `budget` clicks, taps and edits.
export function withStepBudget(steps, budget) {
    const actions = countActions(steps);
    return [
        ...steps,
        {
            content: `${actions} clicks, taps or edits (budget: ${budget})`,
            trigger: "body",
            run() {
                if (actions > budget) {
                    throw new Error(`${actions} clicks, taps or edits: more than ${budget}`);
                }
            },
        },
    ];
}
