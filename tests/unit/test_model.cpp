// The domain model's rules (src/core/model.cpp): zone of tolerance, delivery status (§3.2) and
// account satisfaction (§3.3).
#include "delight/model.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

using namespace delight;

namespace {

Expectation with(std::optional<Delivery> delivery, std::optional<double> performance,
                 std::optional<double> adequate, std::optional<double> desired) {
    Expectation e;
    e.id = "x";
    e.delivery = delivery;
    e.performance = performance;
    e.adequate = adequate;
    e.desired = desired;
    return e;
}

Account account(std::optional<Satisfaction> satisfaction, std::optional<int> nps) {
    Account a;
    a.id = "ACME-7";
    a.satisfaction = satisfaction;
    a.nps = nps;
    return a;
}

} // namespace

TEST_CASE("model: zone of tolerance boundaries", "[model]") {
    // Parasuraman, Zeithaml & Berry: P < adequate missing; adequate <= P < desired meeting;
    // P >= desired exceeding.
    CHECK(zone_of_tolerance(2.99, 3, 4.5) == Delivery::missing);
    CHECK(zone_of_tolerance(3, 3, 4.5) == Delivery::meeting);
    CHECK(zone_of_tolerance(4.49, 3, 4.5) == Delivery::meeting);
    CHECK(zone_of_tolerance(4.5, 3, 4.5) == Delivery::exceeding);
    CHECK(zone_of_tolerance(5, 3, 4.5) == Delivery::exceeding);
    // adequate == desired: no meeting band.
    CHECK(zone_of_tolerance(3.9, 4, 4) == Delivery::missing);
    CHECK(zone_of_tolerance(4, 4, 4) == Delivery::exceeding);
}

TEST_CASE("model: an explicit delivery wins", "[model]") {
    DeliveryStatus st = resolve_delivery(with(Delivery::meeting, std::nullopt, 3, 4));
    CHECK(st.source == DeliverySource::explicit_value);
    CHECK(st.status == Delivery::meeting);
    CHECK_FALSE(st.zone_disagrees);

    // The zone says missing (2 < 3); the team's judgement still decides, and the zone's
    // verdict is kept for check's warning.
    DeliveryStatus over = resolve_delivery(with(Delivery::exceeding, 2, 3, 4));
    CHECK(over.source == DeliverySource::explicit_value);
    CHECK(over.status == Delivery::exceeding);
    REQUIRE(over.zone_disagrees);
    CHECK(*over.zone_disagrees == Delivery::missing);

    DeliveryStatus same = resolve_delivery(with(Delivery::meeting, 3.5, 3, 4));
    CHECK(same.status == Delivery::meeting);
    CHECK_FALSE(same.zone_disagrees);

    DeliveryStatus under = resolve_delivery(with(Delivery::missing, 4, 3, 4));
    REQUIRE(under.zone_disagrees);
    CHECK(*under.zone_disagrees == Delivery::exceeding);
}

TEST_CASE("model: partial does not disagree with a missing or meeting zone", "[model]") {
    DeliveryStatus vs_missing = resolve_delivery(with(Delivery::partial, 2, 3, 4));
    CHECK(vs_missing.status == Delivery::partial);
    CHECK_FALSE(vs_missing.zone_disagrees);
    DeliveryStatus vs_meeting = resolve_delivery(with(Delivery::partial, 3, 3, 4));
    CHECK_FALSE(vs_meeting.zone_disagrees);
    DeliveryStatus vs_exceeding = resolve_delivery(with(Delivery::partial, 4, 3, 4));
    REQUIRE(vs_exceeding.zone_disagrees);
    CHECK(*vs_exceeding.zone_disagrees == Delivery::exceeding);
}

TEST_CASE("model: the zone decides without an explicit delivery", "[model]") {
    DeliveryStatus missing = resolve_delivery(with(std::nullopt, 2.6, 3, 4.5));
    CHECK(missing.source == DeliverySource::zone);
    CHECK(missing.status == Delivery::missing);
    CHECK_FALSE(missing.zone_disagrees);
    CHECK(resolve_delivery(with(std::nullopt, 3, 3, 4.5)).status == Delivery::meeting);
    CHECK(resolve_delivery(with(std::nullopt, 4.5, 3, 4.5)).status == Delivery::exceeding);
}

TEST_CASE("model: unassessed without a delivery or all three numbers", "[model]") {
    for (const Expectation& e :
         {with(std::nullopt, std::nullopt, std::nullopt, std::nullopt),
          with(std::nullopt, 3, 3, std::nullopt), with(std::nullopt, 3, std::nullopt, 4),
          with(std::nullopt, std::nullopt, 3, 4)}) {
        DeliveryStatus st = resolve_delivery(e);
        CHECK(st.source == DeliverySource::unassessed);
        CHECK_FALSE(st.status);
        CHECK_FALSE(st.zone_disagrees);
    }
}

TEST_CASE("model: satisfaction from nps", "[model]") {
    CHECK(resolved_satisfaction(account(std::nullopt, 10)) == Satisfaction::satisfied);
    CHECK(resolved_satisfaction(account(std::nullopt, 9)) == Satisfaction::satisfied);
    CHECK(resolved_satisfaction(account(std::nullopt, 8)) == Satisfaction::neutral);
    CHECK(resolved_satisfaction(account(std::nullopt, 7)) == Satisfaction::neutral);
    CHECK(resolved_satisfaction(account(std::nullopt, 6)) == Satisfaction::dissatisfied);
    CHECK(resolved_satisfaction(account(std::nullopt, 0)) == Satisfaction::dissatisfied);
    CHECK_FALSE(resolved_satisfaction(account(std::nullopt, std::nullopt)));
    // An explicit satisfaction wins over nps.
    CHECK(resolved_satisfaction(account(Satisfaction::dissatisfied, 10)) ==
          Satisfaction::dissatisfied);
    CHECK(resolved_satisfaction(account(Satisfaction::neutral, std::nullopt)) ==
          Satisfaction::neutral);
}

TEST_CASE("model: names used in files and output", "[model]") {
    CHECK(std::string(name(Kano::must_be)) == "must-be");
    CHECK(std::string(name(Kano::unknown)) == "unknown");
    CHECK(std::string(name(KanoAnswer::live_with)) == "live-with");
    CHECK(std::string(name(Delivery::exceeding)) == "exceeding");
    CHECK(std::string(name(Kind::latent)) == "latent");
    CHECK(std::string(name(Standing::worse)) == "worse");
    CHECK(std::string(name(AbilityFactor::personnel)) == "personnel");
    CHECK(std::string(name(Satisfaction::dissatisfied)) == "dissatisfied");
    CHECK(std::string(name(EvidenceSource::observation)) == "observation");
    CHECK(std::string(name(Measure::satisfaction)) == "satisfaction");
    CHECK(std::string(name(Criterion::competition)) == "competition");
}
