// Checks that need every list loaded: duplicate ids, references between lists, and the
// warnings `check` gives about the catalogue (§3.2: unassessed items, zone disagreements).
#include "delight/plan.hpp"
#include "delight/text.hpp"
#include "loader_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace delight::io {
namespace {

template <class Item>
std::vector<std::string> unique_ids(LoadContext& ctx, const std::vector<Item>& items,
                                    const char* what) {
    std::unordered_map<std::string, const Location*> seen;
    std::vector<std::string> ids;
    for (const Item& item : items) {
        if (item.id.empty()) continue;
        auto [it, inserted] = seen.emplace(item.id, &item.loc);
        if (!inserted) {
            ctx.diags.error(item.loc, fmt::format("duplicate {} id '{}' (first at {}:{})", what,
                                                  item.id, it->second->file, it->second->line));
            continue;
        }
        ids.push_back(item.id);
    }
    return ids;
}

void check_pending(LoadContext& ctx, const std::vector<std::string>& expectation_ids,
                   const std::vector<std::string>& account_ids) {
    bool accounts_listed = !ctx.project.accounts.empty();
    for (const PendingRef& ref : ctx.refs) {
        const std::vector<std::string>* list = nullptr;
        const char* what = "";
        switch (ref.target) {
        case PendingRef::Target::expectation:
            list = &expectation_ids;
            what = "expectation";
            break;
        case PendingRef::Target::account:
            if (!accounts_listed && ref.context == "evidence") continue; // §3.4
            list = &account_ids;
            what = "account";
            break;
        case PendingRef::Target::function:
            list = &ctx.project.functions;
            what = "function";
            break;
        }
        if (std::find(list->begin(), list->end(), ref.id) != list->end()) continue;
        ctx.diags.error(ref.loc, fmt::format("unknown {} '{}' in {}{}", what, ref.id, ref.context,
                                             ctx.suggest(ref.id, *list)));
    }
}

void check_after_cycles(LoadContext& ctx) {
    bool self = false;
    for (const Expectation& e : ctx.project.expectations)
        if (std::find(e.after.begin(), e.after.end(), e.id) != e.after.end()) {
            ctx.diags.error(e.loc, fmt::format("expectation '{}' lists itself in 'after'", e.id));
            self = true;
        }
    if (self) return;
    // A longer cycle would leave `plan` no order to place the actions in (§4.4).
    std::vector<std::string> cycle = find_after_cycle(ctx.project);
    if (cycle.empty()) return;
    std::string path;
    for (const std::string& id : cycle)
        path += (path.empty() ? "" : " → ") + id;
    for (const Expectation& e : ctx.project.expectations)
        if (e.id == cycle.front()) {
            ctx.diags.error(e.loc, fmt::format("the `after` dependencies form a cycle: {}; "
                                               "remove one of them",
                                               path));
            break;
        }
}

void delivery_warnings(LoadContext& ctx) {
    for (const Expectation& e : ctx.project.expectations) {
        if (e.retired) continue;
        DeliveryStatus st = resolve_delivery(e);
        if (st.source == DeliverySource::unassessed)
            ctx.diags.warning(e.loc, fmt::format("expectation '{}' is unassessed: give it a "
                                                 "'delivery', or performance, adequate and "
                                                 "desired",
                                                 e.id));
        if (st.zone_disagrees)
            ctx.diags.warning(e.loc,
                              fmt::format("expectation '{}' says delivery {} but its zone of "
                                          "tolerance says {} (performance {}, adequate {}, "
                                          "desired {})",
                                          e.id, name(*e.delivery), name(*st.zone_disagrees),
                                          *e.performance, *e.adequate, *e.desired));
    }
}

} // namespace

void check_references(LoadContext& ctx) {
    std::vector<std::string> expectation_ids =
        unique_ids(ctx, ctx.project.expectations, "expectation");
    std::vector<std::string> account_ids = unique_ids(ctx, ctx.project.accounts, "account");
    check_pending(ctx, expectation_ids, account_ids);
    check_after_cycles(ctx);
    delivery_warnings(ctx);
}

} // namespace delight::io
