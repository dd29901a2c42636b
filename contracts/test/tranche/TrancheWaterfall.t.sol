// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {TrancheWaterfall} from "../../src/tranche/TrancheWaterfall.sol";
import {TrancheHarness} from "./TrancheHarness.sol";

/// @notice The tranche arithmetic on figures a person can check by hand: 8 % senior, 20 % minimum junior, 10 % fee.
contract TrancheWaterfallTest is Test {
    uint256 constant USDC = 1e6;
    TrancheHarness pool;

    function setUp() public {
        vm.warp(1_800_000_000);
        pool = new TrancheHarness(800, 2_000, 1_000);
        pool.depositJunior(250_000 * USDC);
        pool.depositSenior(1_000_000 * USDC);
    }

    function test_revenueGoesToFeeThenSeniorInterestThenJunior() public {
        vm.warp(block.timestamp + 30 days);
        // 1,000,000 × 8 % × 30/365 = 6,575.342465 USDC (rounded down to the base unit).
        assertEq(pool.interestOwed(), 6_575_342_465);
        TrancheWaterfall.Split memory s = pool.distribute(10_000 * USDC);
        assertEq(s.fee, 1_000 * USDC);
        assertEq(s.senior, 6_575_342_465);
        assertEq(s.junior, 10_000 * USDC - 1_000 * USDC - 6_575_342_465);
        assertEq(s.carried, 0);
        assertEq(s.fee + s.senior + s.junior, 10_000 * USDC);
    }

    function test_aShortDistributionCarriesTheShortfallWhichIsPaidFirstNextTime() public {
        vm.warp(block.timestamp + 30 days);
        TrancheWaterfall.Split memory short = pool.distribute(5_000 * USDC);
        assertEq(short.senior, 4_500 * USDC, "all after the fee goes to senior");
        assertEq(short.junior, 0, "junior gets nothing while senior is owed");
        assertEq(short.carried, 6_575_342_465 - 4_500 * USDC);

        vm.warp(block.timestamp + 30 days);
        TrancheWaterfall.Split memory next = pool.distribute(10_000 * USDC);
        // The carried 2,075.342465 first, then this period's 6,575.342465, then junior; the two periods' fractions
        // of a base unit, kept between accruals, add up to one more.
        assertEq(next.senior, 2_075_342_465 + 6_575_342_465 + 1);
        assertEq(next.junior, 9_000 * USDC - next.senior);
        assertEq(next.carried, 0);
    }

    function test_interestIsNeverTakenFromJuniorPrincipal() public {
        vm.warp(block.timestamp + 365 days);
        assertEq(pool.distribute(0).senior, 0);
        assertEq(pool.juniorValue(), 250_000 * USDC);
        assertEq(pool.seniorValue(), 1_000_000 * USDC);
        assertEq(pool.interestOwed(), 80_000 * USDC);
    }

    function test_lossesFallOnJuniorFirstAndRecoveriesRestoreSeniorFirst() public {
        pool.loss(200_000 * USDC);
        assertEq(pool.seniorValue(), 1_000_000 * USDC, "senior whole while junior has value");
        assertEq(pool.juniorValue(), 50_000 * USDC);

        pool.loss(100_000 * USDC);
        assertEq(pool.juniorValue(), 0);
        assertEq(pool.seniorValue(), 950_000 * USDC, "senior takes what junior cannot");

        pool.recover(80_000 * USDC);
        assertEq(pool.seniorValue(), 1_000_000 * USDC, "senior restored first");
        assertEq(pool.juniorValue(), 30_000 * USDC);
    }

    function test_seniorInterestAccruesOnSeniorValueAfterALoss() public {
        pool.loss(450_000 * USDC); // junior gone, senior worth 800,000
        vm.warp(block.timestamp + 365 days);
        assertEq(pool.interestOwed(), 64_000 * USDC);
    }

    function test_subordinationBlocksSeniorDepositsAndJuniorExitsAtTheLimit() public {
        // Junior is 250,000 of 1,250,000: exactly 20 %.
        assertEq(pool.maxSeniorDeposit(), 0);
        assertEq(pool.maxJuniorExit(), 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                TrancheWaterfall.SubordinationBelowMinimum.selector, 250_000 * USDC, 1_250_000 * USDC + 1, 2_000
            )
        );
        pool.depositSenior(1);

        pool.depositJunior(50_000 * USDC);
        // 300,000 × 5 − 1,300,000 = 200,000 more senior; or (300,000 − 0.2 × 1,300,000) / 0.8 = 50,000 junior out.
        assertEq(pool.maxSeniorDeposit(), 200_000 * USDC);
        assertEq(pool.maxJuniorExit(), 50_000 * USDC);
        uint256 snapshot = vm.snapshotState();
        pool.depositSenior(200_000 * USDC);
        vm.expectRevert();
        pool.depositSenior(1);
        vm.revertToState(snapshot);
        uint256 juniorShares = pool.juniorSupply();
        pool.exitJunior(juniorShares / 6); // 50,000 of 300,000
        assertEq(pool.juniorValue(), 250_000 * USDC);
        vm.expectRevert();
        pool.exitJunior(1);
    }

    function test_aLossBelowTheMinimumWaitsSeniorDepositsAndJuniorExits() public {
        pool.loss(100_000 * USDC);
        assertEq(pool.maxSeniorDeposit(), 0);
        assertEq(pool.maxJuniorExit(), 0);
        pool.recover(100_000 * USDC);
        assertEq(pool.juniorValue(), 250_000 * USDC);
    }

    function test_seniorLeavingWhileImpairedTakesItsShareOfTheClaim() public {
        pool.loss(450_000 * USDC); // senior worth 800,000 on a claim of 1,000,000
        uint256 half = pool.seniorSupply() / 2;
        uint256 paid = pool.exitSenior(half);
        assertEq(paid, 400_000 * USDC);
        assertEq(pool.seniorClaim(), 500_000 * USDC, "the claim left with them, not what they were paid");
        pool.recover(450_000 * USDC);
        // The 450,000 restores the remaining senior's 100,000 first, then junior.
        assertEq(pool.seniorValue(), 500_000 * USDC);
        assertEq(pool.juniorValue(), 350_000 * USDC);
    }

    function test_aJuniorDepositWhileSeniorIsImpairedIsJuniorsAlone() public {
        pool.loss(450_000 * USDC); // junior gone, senior 800,000 with 200,000 to recover
        pool.depositJunior(100_000 * USDC);
        assertEq(pool.juniorValue(), 100_000 * USDC, "a newcomer's money does not make senior whole");
        assertEq(pool.seniorValue(), 800_000 * USDC);
        pool.recover(250_000 * USDC);
        assertEq(pool.seniorValue(), 1_000_000 * USDC, "the recovery does, senior first");
        assertEq(pool.juniorValue(), 150_000 * USDC);
        assertEq(pool.seniorLoss(), 0);
    }

    function test_termsAreBounded() public {
        vm.expectRevert(TrancheWaterfall.InvalidTerms.selector);
        new TrancheHarness(5_001, 2_000, 0);
        vm.expectRevert(TrancheWaterfall.InvalidTerms.selector);
        new TrancheHarness(800, 9_001, 0);
    }

    // ─── Fuzz ───────────────────────────────────────────────────────────────────────────────────────────────

    function testFuzz_feeSeniorAndJuniorAddUpToTheRevenue(
        uint256 revenue,
        uint16 feeBps,
        uint32 elapsed,
        uint256 seniorIn
    ) public {
        revenue = bound(revenue, 0, 1e15 * USDC);
        feeBps = uint16(bound(feeBps, 0, 2_000));
        elapsed = uint32(bound(elapsed, 0, 10 * 365 days));
        seniorIn = bound(seniorIn, 0, 1e12 * USDC);
        TrancheHarness p = new TrancheHarness(5_000, 0, feeBps);
        p.depositJunior(1);
        if (seniorIn > 0) p.depositSenior(seniorIn);
        vm.warp(block.timestamp + elapsed);
        uint256 owed = p.interestOwed();
        TrancheWaterfall.Split memory s = p.distribute(revenue);
        assertEq(s.fee + s.senior + s.junior, revenue);
        assertEq(s.senior + s.carried, owed, "what senior was not paid is carried");
        if (s.carried > 0) assertEq(s.junior, 0, "junior gets nothing while senior is owed");
    }

    function testFuzz_seniorNeverLosesWhileJuniorHasValue(uint256 juniorIn, uint256 seniorIn, uint256 lost) public {
        juniorIn = bound(juniorIn, 1, 1e12 * USDC);
        seniorIn = bound(seniorIn, 0, 1e12 * USDC);
        lost = bound(lost, 0, juniorIn + seniorIn);
        TrancheHarness p = new TrancheHarness(800, 0, 0);
        p.depositJunior(juniorIn);
        if (seniorIn > 0) p.depositSenior(seniorIn);
        p.loss(lost);
        if (lost < juniorIn) {
            assertEq(p.seniorValue(), seniorIn);
            assertEq(p.juniorValue(), juniorIn - lost);
        } else {
            assertEq(p.juniorValue(), 0);
            assertEq(p.seniorValue(), juniorIn + seniorIn - lost);
        }
        p.recover(lost);
        assertEq(p.seniorValue(), seniorIn, "a full recovery makes both whole");
        assertEq(p.juniorValue(), juniorIn);
    }

    function testFuzz_theSubordinationLimitsAreExact(uint256 juniorIn, uint256 seniorIn, uint16 minBps) public {
        minBps = uint16(bound(minBps, 1, 9_000));
        juniorIn = bound(juniorIn, USDC, 1e12 * USDC);
        seniorIn = bound(seniorIn, 0, juniorIn * 10_000 / minBps - juniorIn);
        TrancheHarness p = new TrancheHarness(800, minBps, 0);
        p.depositJunior(juniorIn);
        if (seniorIn > 0) p.depositSenior(seniorIn);

        uint256 maxIn = p.maxSeniorDeposit();
        uint256 snapshot = vm.snapshotState();
        if (maxIn > 0) p.depositSenior(maxIn);
        vm.expectRevert();
        p.depositSenior(1);
        vm.revertToState(snapshot);

        // The junior exit limit, in assets: the most that keeps the minimum, and one more unit does not.
        uint256 maxOut = p.maxJuniorExit();
        uint256 total = p.total();
        uint256 junior = p.juniorValue();
        assertGe((junior - maxOut) * 10_000, uint256(minBps) * (total - maxOut));
        if (maxOut < junior) assertLt((junior - maxOut - 1) * 10_000, uint256(minBps) * (total - maxOut - 1));
    }
}
