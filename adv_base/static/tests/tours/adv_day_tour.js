/** @odoo-module **/
// The ADV user's day: My Day holds one item from each addon, each with its stake; she releases
// the blocked order and confirms it, then records the vendor's answer to the supply chase.
// "adv_day_desktop": a list; "adv_day_phone": cards, header buttons in the cog menu, a back
// button (each variant fails at the other's size: see addLayoutTours).
import {
    addLayoutTours,
    headerButton,
    openAdvApp,
    recordVendorAnswer,
    releaseCreditCheck,
} from "@adv_base/../tests/tours/adv_steps";

// One work item of My Day (a list row on a desktop, a card on a phone) and what proves it.
const ITEMS = {
    order: {text: "Credit release", stake: "6,000.00"},
    call: {text: "Dunning call: Day Customer Carrelage", stake: "1,750.00"},
    claim: {text: "Claim acknowledgement", stake: "360.00"},
    chase: {text: "Chase call", stake: "800.00"},
    lead: {text: "Day Show Lyon", stake: "2,500.00"},
};
const ROW = (item) => `.o_list_view .o_data_row:contains(${item.text})`;
const CARD = (item) => `.o_kanban_view .o_kanban_record:contains(${item.text})`;

function seeItems(names) {
    return names.flatMap((name) => [
        {
            isActive: ["desktop"],
            content: `My Day lists the ${name} with its stake`,
            trigger: `${ROW(ITEMS[name])} td[name=adv_stake]:contains(${ITEMS[name].stake})`,
        },
        {
            isActive: ["mobile"],
            content: `My Day has a card for the ${name} with its stake`,
            trigger: `${CARD(ITEMS[name])}:contains(${ITEMS[name].stake})`,
        },
    ]);
}

function itemGone(name) {
    return [
        {
            isActive: ["desktop"],
            content: `The ${name} is no longer in My Day`,
            trigger: `.o_list_view:not(:has(${ROW(ITEMS[name])}))`,
        },
        {
            isActive: ["mobile"],
            content: `The ${name} has no card any more`,
            trigger: `.o_kanban_view:not(:has(${CARD(ITEMS[name])}))`,
        },
    ];
}

function openItem(name) {
    return [
        {
            isActive: ["desktop"],
            content: `Open the ${name}`,
            trigger: `${ROW(ITEMS[name])} td[name=res_name]`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Open the ${name}`,
            trigger: CARD(ITEMS[name]),
            run: "click",
        },
    ];
}

function backToMyDay() {
    return [
        {
            isActive: ["desktop"],
            content: "Back to My Day by the breadcrumb",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(My Day)",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Back to My Day",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "My Day again",
            trigger: ".o_breadcrumb .o_last_breadcrumb_item:contains(My Day)",
        },
    ];
}

addLayoutTours("adv_day", () => [
    ...openAdvApp(),
    ...seeItems(["order", "call", "claim", "chase", "lead"]),

    // The blocked order: its credit check, released within delegation, then confirmed.
    ...openItem("order"),
    {
        content: "The order is held by the credit control",
        trigger: ".o_form_view .o_adv_credit_banner:contains(needs approval)",
    },
    {
        isActive: ["mobile"],
        content: "Show the smart buttons",
        trigger: ".o_control_panel button.o_button_more",
        run: "click",
    },
    {
        content: "Open its credit checks",
        trigger: "button[name=action_adv_view_checks]",
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The waiting check",
        trigger: ".o_list_view .o_data_row:contains(Waiting) td[name=partner_id]",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The waiting check",
        trigger: ".o_kanban_view .o_kanban_record:contains(Day Customer Bricolage):contains(Waiting)",
        run: "click",
    },
    ...releaseCreditCheck("Deposit received by wire"),
    {
        isActive: ["desktop"],
        content: "Back to the order by the breadcrumb",
        trigger: '.o_breadcrumb .breadcrumb-item a[data-tooltip$=" form"]',
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Back to the credit checks",
        trigger: ".o_back_button",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The check's card says released",
        trigger: ".o_kanban_view .o_kanban_record:contains(Released)",
    },
    {
        isActive: ["mobile"],
        content: "Back to the order",
        trigger: ".o_back_button",
        run: "click",
    },
    {
        content: "The order is no longer held",
        trigger:
            ".o_form_view:has(.o_field_widget[name=order_line]):not(:has(.o_adv_credit_banner))",
    },
    ...headerButton("action_confirm", "Confirm the order"),
    {
        content: "The order is confirmed",
        trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Sales Order)",
    },
    ...backToMyDay(),
    ...itemGone("order"),
    ...seeItems(["call", "claim", "chase", "lead"]),

    // The supply chase: the vendor's new date, recorded from the chase.
    ...openItem("chase"),
    ...headerButton("action_record_answer", "Record the vendor's answer"),
    ...recordVendorAnswer("01/15/2031", "Kiln breakdown, new date confirmed by phone"),
    {
        content: "The chase is answered",
        trigger:
            "body:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current:contains(Answered)",
    },
    ...backToMyDay(),
    ...itemGone("chase"),
    ...itemGone("order"),
    ...seeItems(["call", "claim", "lead"]),
]);
