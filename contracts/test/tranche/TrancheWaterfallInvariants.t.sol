// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {TrancheWaterfall} from "../../src/tranche/TrancheWaterfall.sol";
import {TrancheHarness} from "./TrancheHarness.sol";

/// @notice A reference model of the tranches, written the long way: each tranche's value moved by every event as
/// the waterfall's rules say (losses to junior, then senior; recoveries to senior's losses, then junior's), and
/// senior interest accrued segment by segment at 1e27 precision. Random sequences of deposits, exits, losses,
/// recoveries, distributions and time drive both the library (through TrancheHarness) and the model.
contract TrancheModelHandler is Test {
    uint256 constant USDC = 1e6;
    uint256 constant RATE_BPS = 800;
    uint256 constant MIN_SUB_BPS = 2_000;
    uint256 constant FEE_BPS = 1_000;
    uint256 constant MODEL_SCALE = 1e27;

    TrancheHarness public pool;

    // The model.
    uint256 public seniorV;
    uint256 public juniorV;
    uint256 public seniorLost;
    uint256 public juniorLost;
    uint256 public owedScaled;

    // What the invariants check of every step.
    uint256 public distributions;
    bool public splitAlwaysSummed = true;
    bool public juniorPaidOnlyWhenSeniorWhole = true;
    bool public subordinationHeldAfterEveryDepositAndExit = true;
    bool public seniorLostOnlyOnceJuniorWasEmpty = true;
    uint256 public largestInterestGap;

    constructor() {
        pool = new TrancheHarness(RATE_BPS, MIN_SUB_BPS, FEE_BPS);
        pool.depositJunior(100_000 * USDC);
        juniorV = 100_000 * USDC;
    }

    /// @dev The handler keeps its own clock: the invariant runner does not carry a warp from one call to the next.
    uint256 public clock = 1_800_000_000;

    function _elapse(uint256 seconds_) internal {
        seconds_ = bound(seconds_, 0, 45 days);
        owedScaled += seniorV * RATE_BPS * seconds_ * MODEL_SCALE / (10_000 * 365 days);
        clock += seconds_;
        vm.warp(clock);
    }

    string public gapAfter;

    function _checkGap(string memory action) internal {
        uint256 lib = pool.interestOwed();
        uint256 m = owedScaled / MODEL_SCALE;
        uint256 gap = lib > m ? lib - m : m - lib;
        if (gap > 64 && bytes(gapAfter).length == 0) gapAfter = action;
    }

    function _subordinationHolds() internal view returns (bool) {
        return pool.juniorValue() * 10_000 >= MIN_SUB_BPS * pool.total();
    }

    function depositSenior(uint256 assets, uint256 wait) external {
        _elapse(wait);
        uint256 room = pool.maxSeniorDeposit();
        if (room == 0) return;
        assets = bound(assets, 1, room < 5_000_000 * USDC ? room : 5_000_000 * USDC);
        pool.depositSenior(assets);
        seniorV += assets;
        if (!_subordinationHolds()) subordinationHeldAfterEveryDepositAndExit = false;
        _checkGap("depositSenior");
    }

    function depositJunior(uint256 assets, uint256 wait) external {
        _elapse(wait);
        assets = bound(assets, 1, 2_000_000 * USDC);
        pool.depositJunior(assets);
        juniorV += assets;
        _checkGap("depositJunior");
    }

    function exitSenior(uint256 fractionBps, uint256 wait) external {
        _elapse(wait);
        uint256 supply = pool.seniorSupply();
        if (supply == 0) return;
        uint256 shares = supply * bound(fractionBps, 1, 10_000) / 10_000;
        if (shares == 0) return;
        uint256 lostShare = seniorLost * shares / supply;
        uint256 paid = pool.exitSenior(shares);
        seniorV -= paid;
        seniorLost -= lostShare;
        _checkGap("exitSenior");
    }

    function exitJunior(uint256 fractionBps, uint256 wait) external {
        _elapse(wait);
        uint256 supply = pool.juniorSupply();
        if (supply == 0) return;
        uint256 shares = supply * bound(fractionBps, 1, 10_000) / 10_000;
        uint256 value = pool.juniorValue() * shares / supply;
        if (shares == 0 || value > pool.maxJuniorExit()) return;
        uint256 lostShare = juniorLost * shares / supply;
        uint256 paid = pool.exitJunior(shares);
        juniorV -= paid;
        juniorLost -= lostShare;
        if (!_subordinationHolds()) subordinationHeldAfterEveryDepositAndExit = false;
        _checkGap("exitJunior");
    }

    function loss(uint256 amount, uint256 wait) external {
        _elapse(wait);
        amount = bound(amount, 0, pool.total());
        uint256 juniorBefore = pool.juniorValue();
        (uint256 libJunior, uint256 libSenior) = pool.loss(amount);
        if (libSenior > 0 && (libJunior != juniorBefore || pool.juniorValue() != 0)) {
            seniorLostOnlyOnceJuniorWasEmpty = false;
        }
        uint256 toJunior = amount < juniorV ? amount : juniorV;
        juniorV -= toJunior;
        juniorLost += toJunior;
        uint256 toSenior = amount - toJunior;
        seniorV -= toSenior;
        seniorLost += toSenior;
        _checkGap("loss");
    }

    function recover(uint256 amount, uint256 wait) external {
        _elapse(wait);
        amount = bound(amount, 0, seniorLost + juniorLost);
        pool.recover(amount);
        uint256 toSenior = amount < seniorLost ? amount : seniorLost;
        seniorV += toSenior;
        seniorLost -= toSenior;
        uint256 toJunior = amount - toSenior;
        juniorV += toJunior;
        juniorLost -= toJunior > juniorLost ? juniorLost : toJunior;
        _checkGap("recover");
    }

    function distribute(uint256 revenue, uint256 wait) external {
        _elapse(wait);
        revenue = bound(revenue, 0, 200_000 * USDC);
        uint256 owedBefore = pool.interestOwed();
        uint256 modelOwed = owedScaled / MODEL_SCALE;
        uint256 gap = owedBefore > modelOwed ? owedBefore - modelOwed : modelOwed - owedBefore;
        if (gap > largestInterestGap) largestInterestGap = gap;

        TrancheWaterfall.Split memory s = pool.distribute(revenue);
        distributions++;
        if (s.fee + s.senior + s.junior != revenue) splitAlwaysSummed = false;
        if (s.junior > 0 && s.senior < owedBefore) juniorPaidOnlyWhenSeniorWhole = false;

        // The model pays senior what it owes, from what is left after the fee.
        uint256 available = revenue - revenue * FEE_BPS / 10_000;
        uint256 toSenior = available < modelOwed ? available : modelOwed;
        owedScaled -= toSenior * MODEL_SCALE;
        _checkGap("distribute");
    }
}

contract TrancheWaterfallInvariants is StdInvariant, Test {
    TrancheModelHandler handler;

    function setUp() public {
        vm.warp(1_800_000_000);
        handler = new TrancheModelHandler();
        targetContract(address(handler));
    }

    /// @dev Each exit leaves a vault's rounding (a base unit per exit at most) between the model and the pool.
    function _close(uint256 a, uint256 b) internal pure {
        assertApproxEqAbs(a, b, 64, "the library and the reference model agree within a few base units");
    }

    function invariant_tranchesMatchTheReferenceModel() public view {
        TrancheHarness pool = handler.pool();
        _close(pool.seniorValue(), handler.seniorV());
        _close(pool.juniorValue(), handler.juniorV());
        assertEq(pool.seniorValue() + pool.juniorValue(), pool.total(), "the tranches are the whole pool");
    }

    function invariant_seniorNeverLosesWhileJuniorHasValue() public view {
        assertTrue(handler.seniorLostOnlyOnceJuniorWasEmpty(), "senior took a loss junior could have absorbed");
        _close(handler.pool().seniorLoss(), handler.seniorLost());
    }

    function invariant_everyDistributionAddsUpAndPaysTheCarriedInterestFirst() public view {
        assertTrue(handler.splitAlwaysSummed(), "fee + senior + junior == revenue");
        assertTrue(handler.juniorPaidOnlyWhenSeniorWhole(), "junior paid while senior was owed");
    }

    function invariant_interestMatchesTheReferenceModel() public view {
        assertEq(handler.gapAfter(), "");
        assertLe(handler.largestInterestGap(), 64, "senior interest owed, library and model");
    }

    function invariant_subordinationHoldsAfterEverySeniorDepositAndJuniorExit() public view {
        assertTrue(handler.subordinationHeldAfterEveryDepositAndExit());
    }
}
