// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice The arithmetic of a pool split into a senior and a junior tranche over the same capital: who owns what
/// of the pool's value after losses and recoveries, and where each distribution of machine revenue goes.
///
/// Value. The pool's principal value (idle cash + outstanding principal − provisions) is one figure, `total`,
/// kept by the pool. Senior's part of it is kept here (`seniorValue`); junior's is the rest. A loss (a provision
/// raised, a write-down beyond it) falls on junior until junior is worth nothing, and only the rest on senior,
/// which remembers it (`seniorLoss`). Money that comes back (a recovery, a provision lowered) restores senior's
/// loss first, then junior: reverse order. A junior deposit is junior's alone, even while senior is impaired.
///
/// Revenue. Each distribution pays, in this order: the protocol fee; senior interest at its target annual rate on
/// senior's value for the time since the last accrual, plus any interest a short distribution left unpaid
/// (carried, paid first); then junior takes the rest. Interest accrues by the second and is only ever paid in
/// cash from revenue: a shortfall is carried, never taken from junior's principal.
///
/// Subordination. Junior must stay at least `minSubordinationBps` of the pool's value after a senior deposit or
/// a junior exit; the pool asks `maxSeniorDeposit` and `maxJuniorExit` to say which limit blocks an action.
/// Losses may take junior below it; then senior deposits and junior exits wait until it is restored.
library TrancheWaterfall {
    using SafeCast for uint256;

    uint256 internal constant BPS = 10_000;
    uint256 internal constant YEAR = 365 days;
    /// @dev Interest is kept scaled by 1e18 between accruals, so that per-second accruals on a small tranche do
    /// not each round down to nothing.
    uint256 internal constant INTEREST_SCALE = 1e18;

    /// @dev Senior's value and unrecovered loss with the terms in one slot (USDC, 6 decimals: 96 bits hold 7.9e22
    /// units), the interest owed in a second.
    struct Tranches {
        uint96 seniorValue;
        uint96 seniorLoss;
        uint16 seniorRateBps;
        uint16 minSubordinationBps;
        uint32 accruedAt;
        /// @dev Senior interest owed and unpaid (accrued and carried), × INTEREST_SCALE.
        uint256 interestOwedScaled;
    }

    /// @notice Where one distribution went. fee + senior + junior == the revenue, to the base unit.
    struct Split {
        uint256 fee;
        uint256 senior;
        uint256 junior;
        /// @notice Senior interest still owed after this distribution: paid first from the next.
        uint256 carried;
    }

    error SubordinationBelowMinimum(uint256 juniorValue, uint256 totalValue, uint256 minSubordinationBps);
    error InvalidTerms();

    /// @dev The most a senior target rate or a minimum subordination may be: 50 % a year, 90 % of the pool.
    uint256 internal constant MAX_SENIOR_RATE_BPS = 5_000;
    uint256 internal constant MAX_MIN_SUBORDINATION_BPS = 9_000;

    function init(Tranches storage t, uint256 seniorRateBps, uint256 minSubordinationBps, uint256 now_) internal {
        if (seniorRateBps > MAX_SENIOR_RATE_BPS || minSubordinationBps > MAX_MIN_SUBORDINATION_BPS) {
            revert InvalidTerms();
        }
        t.seniorRateBps = seniorRateBps.toUint16();
        t.minSubordinationBps = minSubordinationBps.toUint16();
        t.accruedAt = now_.toUint32();
    }

    function juniorValue(Tranches storage t, uint256 total) internal view returns (uint256) {
        return total - t.seniorValue;
    }

    /// @notice Senior interest owed now, whole base units (accrued to `now_` on senior's value).
    function interestOwed(Tranches storage t, uint256 now_) internal view returns (uint256) {
        return _owedScaled(t, now_) / INTEREST_SCALE;
    }

    /// @notice Brings the interest owed up to `now_`. Call it before anything changes senior's value (a deposit,
    /// an exit, a loss or a recovery), and before each distribution.
    function accrue(Tranches storage t, uint256 now_) internal {
        t.interestOwedScaled = _owedScaled(t, now_);
        t.accruedAt = now_.toUint32();
    }

    /// @notice Splits `revenue` (accrues first): fee, senior interest owed, junior residual.
    function distribute(Tranches storage t, uint256 revenue, uint256 feeBps, uint256 now_)
        internal
        returns (Split memory s)
    {
        accrue(t, now_);
        s.fee = revenue * feeBps / BPS;
        uint256 available = revenue - s.fee;
        uint256 owed = t.interestOwedScaled / INTEREST_SCALE;
        s.senior = Math.min(available, owed);
        s.junior = available - s.senior;
        t.interestOwedScaled -= s.senior * INTEREST_SCALE;
        s.carried = t.interestOwedScaled / INTEREST_SCALE;
    }

    /// @notice A senior deposit of `assets`: senior's value grows by what was paid in.
    function addSenior(Tranches storage t, uint256 assets) internal {
        t.seniorValue = (t.seniorValue + assets).toUint96();
    }

    /// @notice Senior holders redeem `shares` of `supply` and are paid `paid` (their part of senior's value). Their
    /// part of senior's unrecovered loss leaves with them (rounded down: those who stay keep the rest).
    function removeSenior(Tranches storage t, uint256 shares, uint256 supply, uint256 paid) internal {
        t.seniorValue = (t.seniorValue - paid).toUint96();
        t.seniorLoss = (t.seniorLoss - Math.mulDiv(t.seniorLoss, shares, supply)).toUint96();
    }

    /// @notice A loss of `amount` on a pool worth `total` before it: junior first, senior the rest.
    function absorbLoss(Tranches storage t, uint256 total, uint256 amount)
        internal
        returns (uint256 toJunior, uint256 toSenior)
    {
        toJunior = Math.min(amount, juniorValue(t, total));
        toSenior = amount - toJunior;
        t.seniorValue = (t.seniorValue - toSenior).toUint96();
        t.seniorLoss = (t.seniorLoss + toSenior).toUint96();
    }

    /// @notice `amount` of value comes back: senior's unrecovered loss first, junior the rest.
    function restore(Tranches storage t, uint256 amount) internal returns (uint256 toSenior, uint256 toJunior) {
        toSenior = Math.min(amount, t.seniorLoss);
        toJunior = amount - toSenior;
        t.seniorValue = (t.seniorValue + toSenior).toUint96();
        t.seniorLoss = (t.seniorLoss - toSenior).toUint96();
    }

    /// @notice Reverts unless junior is at least the minimum share of the pool at `total`.
    function requireSubordination(Tranches storage t, uint256 total) internal view {
        uint256 junior = juniorValue(t, total);
        if (junior * BPS < uint256(t.minSubordinationBps) * total) {
            revert SubordinationBelowMinimum(junior, total, t.minSubordinationBps);
        }
    }

    /// @notice The most senior may take in now without junior falling below its minimum share.
    function maxSeniorDeposit(Tranches storage t, uint256 total) internal view returns (uint256) {
        uint256 junior = juniorValue(t, total);
        uint256 minBps = t.minSubordinationBps;
        if (minBps == 0) return type(uint256).max;
        // junior × BPS ≥ minBps × (total + a), and a senior deposit leaves junior's value unchanged.
        uint256 ceiling = junior * BPS / minBps;
        return ceiling > total ? ceiling - total : 0;
    }

    /// @notice The most junior may take out now without falling below its minimum share of what is left.
    function maxJuniorExit(Tranches storage t, uint256 total) internal view returns (uint256) {
        uint256 junior = juniorValue(t, total);
        uint256 minBps = t.minSubordinationBps;
        // (junior − a) × BPS ≥ minBps × (total − a)  ⇔  a ≤ (junior × BPS − minBps × total) / (BPS − minBps).
        uint256 room = junior * BPS;
        uint256 floor_ = minBps * total;
        if (room <= floor_) return 0;
        return Math.min((room - floor_) / (BPS - minBps), junior);
    }

    function _owedScaled(Tranches storage t, uint256 now_) private view returns (uint256) {
        uint256 elapsed = now_ > t.accruedAt ? now_ - t.accruedAt : 0;
        uint256 accrued = Math.mulDiv(uint256(t.seniorValue) * t.seniorRateBps, elapsed * INTEREST_SCALE, BPS * YEAR);
        return t.interestOwedScaled + accrued;
    }
}
