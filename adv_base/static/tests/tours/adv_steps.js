/** @odoo-module **/
// Step builders shared by the suite's tours: each returns an array of tour steps, to spread into
// a tour's steps. Feature addons import them as "@adv_base/../tests/tours/adv_steps".

const APP = '.o_app[data-menu-xmlid="adv_base.menu_root"]';

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
