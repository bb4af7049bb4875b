/** @odoo-module **/
// My Day in French, acted on in place: the worklists counted at the top, the 50 000 decision
// first (above seven 18-day-old follow-ups), one line per document, then three journeys on the
// top item, each within 2 clicks or taps: open it, mark it done, snooze it.
// "adv_my_day_desktop": a list; "adv_my_day_phone": cards with their buttons on the card.
import {addLayoutTours, withStepBudget} from "@adv_base/../tests/tours/adv_steps";

const ROWS = ".o_list_view .o_data_row";
const CARDS = ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)";

// The top item (first row or first card) and what proves it.
function top(content, contains) {
    return [
        {
            isActive: ["desktop"],
            content: `The first row: ${content}`,
            trigger: `${ROWS}:first${contains}`,
        },
        {
            isActive: ["mobile"],
            content: `The first card: ${content}`,
            trigger: `.o_action_manager:not(:has(.o_list_view)) ${CARDS}:first${contains}`,
        },
    ];
}

// Click the button `name` of the top item (row button / card button, labelled `label`).
function onTop(name, label, content) {
    return [
        {
            isActive: ["desktop"],
            content,
            trigger: `${ROWS}:first button[name=${name}]`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content,
            trigger: `${CARDS}:first footer button[name=${name}]:contains(${label}):visible`,
            run: "click",
        },
    ];
}

function gone(text) {
    return [
        {
            isActive: ["desktop"],
            content: `No line with ${text} any more`,
            trigger: `.o_list_view:not(:has(.o_data_row:contains(${text})))`,
        },
        {
            isActive: ["mobile"],
            content: `No card with ${text} any more`,
            trigger: `.o_kanban_view:not(:has(.o_kanban_record:contains(${text})))`,
        },
    ];
}

addLayoutTours("adv_my_day", () => [
    {
        content: "My Day, in French",
        trigger: ".o_breadcrumb .o_last_breadcrumb_item:contains(Ma journée)",
    },
    {
        content: "The worklists counted at the top: 7 show follow-ups (8 activities, one line each)",
        trigger:
            ".o_adv_my_day_counts .o_adv_my_day_count:contains(Relance salon) .badge:contains(7)",
    },
    {
        content: "... and 1 credit decision, 8 to do in all",
        trigger:
            ".o_adv_my_day_counts:has(.o_adv_my_day_count:contains(Décision de crédit) .badge:contains(1)) .o_adv_my_day_total:contains(8 à faire)",
    },
    ...top("the 50 000 decision, its customer and its reason", ":contains(Carrelages Durand):contains(Libération de crédit : CMD-50000)"),
    {
        isActive: ["desktop"],
        content: "Eight lines: the visitor with two activities is one line, marked +1",
        trigger: `.o_list_view:has(tr.o_data_row:nth-child(8)):not(:has(tr.o_data_row:nth-child(9))) .o_data_row:contains(Visiteur 1) td[name=adv_day_more]:contains(1)`,
    },
    {
        isActive: ["mobile"],
        content: "Eight cards: the visitor with two activities is one card, marked +1",
        trigger: `.o_kanban_view:has(.o_kanban_record:nth-child(8):not(.o_kanban_ghost)):not(:has(.o_kanban_record:nth-child(9):not(.o_kanban_ghost))) .o_kanban_record:contains(Visiteur 1) .o_adv_day_more:contains(+1)`,
    },
    {
        isActive: ["mobile"],
        content: "On the card, in French: Fait, Demain, Semaine proch., Ouvrir",
        trigger: `${CARDS}:first footer:has(button:contains(Fait)):has(button:contains(Demain)):has(button:contains(Ouvrir))`,
    },

    // 1. Open the top item where it is decided.
    ...withStepBudget(
        [
            ...onTop("action_adv_day_open", "Ouvrir", "Open the top item"),
            {
                content: "Its document is open",
                trigger: "body:has(.o_form_view .o_field_widget[name=name]):contains(Carrelages Durand)",
            },
        ],
        2
    ),
    {
        isActive: ["desktop"],
        content: "Back to My Day",
        trigger: ".o_breadcrumb .breadcrumb-item a:contains(Ma journée)",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Back to My Day",
        trigger: ".o_back_button",
        run: "click",
    },
    ...top("the decision again", ":contains(CMD-50000)"),

    // 2. Mark it done.
    ...withStepBudget(
        [
            ...onTop("action_done", "Fait", "Mark the top item done"),
            ...gone("CMD-50000"),
            {
                content: "Its worklist is no longer counted",
                trigger:
                    ".o_adv_my_day_counts:not(:has(.o_adv_my_day_count:contains(Décision))) .o_adv_my_day_total:contains(7 à faire)",
            },
        ],
        2
    ),
    ...top("the oldest show follow-up", ":contains(Visiteur 1):contains(Envoyer un devis)"),

    // 3. Snooze it to tomorrow: the visitor's other activity comes up, ranked by its own date.
    ...withStepBudget(
        [
            ...onTop("action_adv_snooze_tomorrow", "Demain", "Snooze the top item to tomorrow"),
            ...top("another follow-up", ":not(:contains(Visiteur 1))"),
        ],
        2
    ),
    {
        isActive: ["desktop"],
        content: "The visitor is now the last line, with the activity still due today",
        trigger: `${ROWS}:last:contains(Visiteur 1):contains(Le visiteur attend toujours)`,
    },
    {
        isActive: ["mobile"],
        content: "The visitor is now the last card, with the activity still due today",
        trigger: `${CARDS}:last:contains(Visiteur 1):contains(Le visiteur attend toujours)`,
    },
]);
