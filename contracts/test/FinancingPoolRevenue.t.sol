// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Real yield: fees, streaming, the accumulator, and the just-in-time guard.
contract FinancingPoolRevenueTest is ProtocolFixture {
    event RevenueDistributed(
        uint256 indexed assetId,
        uint256 grossAmount,
        uint256 protocolFee,
        uint256 netAmount,
        uint64 periodStart,
        uint64 periodEnd,
        uint64 streamEnd
    );
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);

    function test_distribution_paysFeeToTreasury_andHoldsNetForShareholders() public {
        _deposit(alice, 1_000e6);
        usdc.mint(reporter, 700e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit RevenueDistributed(
            assetA,
            700e6,
            70e6,
            630e6,
            uint64(block.timestamp - 1 days),
            uint64(block.timestamp),
            uint64(block.timestamp) + STREAM
        );
        vm.prank(reporter);
        pool.distributeRevenue(assetA, 700e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        assertEq(usdc.balanceOf(treasury), 70e6);
        assertEq(pool.revenueHeld(), 630e6);
        assertEq(pool.totalRevenueDistributed(), 630e6);
        assertEq(pool.streamingRevenue(), 630e6);
        assertEq(pool.totalAssets(), 1_000e6, "revenue is not principal");
    }

    function test_revenue_releasesLinearlyOverTheStream() public {
        _deposit(alice, 1_000e6);
        _distribute(700e6);
        assertEq(pool.claimableRevenue(alice), 0);
        vm.warp(block.timestamp + 1 days);
        assertApproxEqAbs(pool.claimableRevenue(alice), 90e6, 1);
        vm.warp(block.timestamp + 6 days);
        assertApproxEqAbs(pool.claimableRevenue(alice), 630e6, 1);
        vm.warp(block.timestamp + 30 days);
        assertApproxEqAbs(pool.claimableRevenue(alice), 630e6, 1);
        assertEq(pool.streamingRevenue(), 0);
    }

    function test_claim_paysUsdcToReceiver_andResets() public {
        _deposit(alice, 1_000e6);
        _distribute(700e6);
        vm.warp(block.timestamp + STREAM);
        uint256 claimable = pool.claimableRevenue(alice);
        vm.expectEmit(true, true, false, true, address(pool));
        emit RevenueClaimed(alice, carol, claimable);
        vm.prank(alice);
        assertEq(pool.claim(carol), claimable);
        assertEq(usdc.balanceOf(carol), claimable);
        assertEq(pool.claimableRevenue(alice), 0);
        assertEq(pool.totalRevenueClaimed(), claimable);
        vm.prank(alice);
        vm.expectRevert(PoolStorage.NothingToClaim.selector);
        pool.claim(alice);
    }

    function test_revenue_neverMovesSharePrice() public {
        _deposit(alice, 5_000e6);
        uint256 price = pool.convertToAssets(1e18);
        _distribute(1_234e6);
        vm.warp(block.timestamp + 3 days);
        assertEq(pool.convertToAssets(1e18), price);
        vm.prank(alice);
        pool.claim(alice);
        assertEq(pool.convertToAssets(1e18), price);
    }

    function test_batchDistribution_oneTransferManyAssets() public {
        _deposit(alice, 1_000e6);
        PoolStorage.Distribution[] memory batch = new PoolStorage.Distribution[](2);
        uint64 end = uint64(block.timestamp);
        batch[0] = PoolStorage.Distribution({assetId: assetA, amount: 500e6, periodStart: end - 7 days, periodEnd: end});
        batch[1] = PoolStorage.Distribution({assetId: assetB, amount: 300e6, periodStart: end - 7 days, periodEnd: end});
        usdc.mint(reporter, 800e6);
        vm.prank(reporter);
        pool.distributeRevenueBatch(batch);
        assertEq(usdc.balanceOf(treasury), 80e6);
        assertEq(pool.totalRevenueDistributed(), 720e6);
        vm.warp(block.timestamp + STREAM);
        assertApproxEqAbs(pool.claimableRevenue(alice), 720e6, 1);
    }

    function test_distribute_rejectsBadInput() public {
        _deposit(alice, 1_000e6);
        usdc.mint(reporter, 10e6);
        uint64 nowTs = uint64(block.timestamp);
        vm.startPrank(reporter);
        // Below one whole USDC: dust cannot be used to touch the stream.
        assertEq(pool.minDistribution(), 1e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDistribution.selector, 0, 1e6));
        pool.distributeRevenue(assetA, 0, nowTs - 1, nowTs);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.BelowMinimumDistribution.selector, 1e6 - 1, 1e6));
        pool.distributeRevenue(assetA, 1e6 - 1, nowTs - 1, nowTs);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.InvalidPeriod.selector, nowTs, nowTs));
        pool.distributeRevenue(assetA, 1e6, nowTs, nowTs);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.InvalidPeriod.selector, nowTs, nowTs + 1));
        pool.distributeRevenue(assetA, 1e6, nowTs, nowTs + 1);
        vm.stopPrank();
        // An asset of another pool.
        vm.prank(admin);
        FinancingPool other = _createPool("Other", "myOTH");
        vm.prank(manager);
        uint256 foreign = registry.registerAsset(
            address(other), operator, HardwareAssetRegistry.Kind.GpuCluster, "L40S", 8, "Austin", ""
        );
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotInPool.selector, foreign));
        pool.distributeRevenue(foreign, 1e6, nowTs - 1, nowTs);
    }

    /// A new distribution merges into the running stream weighted by amount: the end moves to
    /// now + (remaining × left + amount × duration) / (remaining + amount), not to now + duration.
    function test_streamMerge_isAmountWeighted() public {
        _deposit(alice, 1_000e6);
        _distribute(700e6); // net 630e6 until now + 7 days
        assertEq(pool.streamEnd(), block.timestamp + STREAM);
        vm.warp(block.timestamp + STREAM / 2);
        uint256 remaining = pool.streamingRevenue();
        assertApproxEqAbs(remaining, 315e6, 1);
        uint256 left = pool.streamEnd() - block.timestamp;
        uint256 amount = _net(70e6);
        _distribute(70e6);
        uint256 expectedEnd = block.timestamp + (remaining * left + amount * STREAM) / (remaining + amount);
        assertEq(pool.streamEnd(), expectedEnd);
        assertLt(pool.streamEnd(), block.timestamp + STREAM, "the running stream keeps most of its schedule");
        assertEq(pool.streamRemaining(), remaining + amount);

        // The smallest distribution allowed barely moves the release of what is streaming.
        uint256 endBefore = pool.streamEnd();
        _distribute(pool.minDistribution());
        assertLt(pool.streamEnd() - endBefore, 1 hours);
        // Everything is released by the end.
        vm.warp(pool.streamEnd());
        assertEq(pool.streamingRevenue(), 0);
        assertApproxEqAbs(pool.claimableRevenue(alice), _net(700e6) + amount + _net(1e6), 2);
    }

    /// Revenue that arrives while nobody holds shares is kept: the stream waits, with the time it had left, and
    /// streams to the first holders over that time (never all at once to whoever deposits first).
    function test_revenueDuringZeroSupply_isNotLost() public {
        _distribute(700e6);
        uint256 left = pool.streamEnd() - block.timestamp;
        vm.warp(block.timestamp + 10 days);
        assertEq(pool.streamingRevenue(), 630e6, "nothing released while supply is zero");
        _deposit(alice, 1_000e6);
        assertEq(pool.streamEnd(), block.timestamp + left, "the stream resumes with the time it had left");
        assertEq(pool.claimableRevenue(alice), 0, "the first depositor is not handed the waiting revenue at once");
        vm.warp(block.timestamp + left / 2);
        assertApproxEqAbs(pool.claimableRevenue(alice), 315e6, 2);
        vm.warp(block.timestamp + left);
        assertApproxEqAbs(pool.claimableRevenue(alice), 630e6, 2);
        vm.prank(alice);
        pool.claim(alice);
        assertApproxEqAbs(usdc.balanceOf(alice), 630e6, 2);
    }

    /// The sandwich: deposit a lot just before a distribution, redeem just after. The stream gives the attacker
    /// only what was released while it held shares: a few seconds' worth.
    function test_justInTimeSandwich_earnsOnlyTimeWeightedShare() public {
        _deposit(alice, 10_000e6);
        vm.warp(block.timestamp + 30 days);
        address attacker = makeAddr("attacker");
        uint256 shares = _deposit(attacker, 1_000_000e6); // 99 % of the pool
        _distribute(7_000e6);
        vm.warp(block.timestamp + 12); // one block
        vm.prank(attacker);
        pool.redeem(shares, attacker, attacker);
        uint256 stolen = pool.claimableRevenue(attacker);
        uint256 net = _net(7_000e6);
        // What a holder of 99 % would get for 12 s of a 7-day stream.
        uint256 timeWeighted = (net * 12) / STREAM;
        assertLe(stolen, timeWeighted + 1);
        assertLt(stolen, net / 10_000, "less than 0.01 % of the distribution");
        vm.warp(block.timestamp + STREAM);
        assertApproxEqAbs(pool.claimableRevenue(alice) + stolen, net, 2, "the rest goes to the long-term holder");
    }

    /// Reference model: the same linear stream computed independently, split pro rata by balances over each
    /// interval, across deposits, transfers, redemptions and claims. The pool must agree within a few wei.
    function test_proRata_matchesReferenceModel() public {
        address[3] memory users = [alice, bob, carol];
        uint256[3] memory expected;
        uint256[3] memory claimed;
        Ref memory ref = Ref({remaining: 0, last: block.timestamp, end: block.timestamp});

        _deposit(alice, 3_000e6);
        _deposit(bob, 1_000e6);
        _refDistribute(ref, users, expected, 700e6);
        _refWarp(ref, users, expected, 2 days);
        vm.prank(alice);
        pool.transfer(carol, 1_000e18);
        _refWarp(ref, users, expected, 1 days);
        _deposit(bob, 2_000e6);
        _refDistribute(ref, users, expected, 350e6);
        _refWarp(ref, users, expected, 3 days);
        vm.prank(bob);
        claimed[1] += pool.claim(bob);
        vm.prank(carol);
        pool.redeem(500e18, carol, carol);
        _refWarp(ref, users, expected, 5 days);
        _refDistribute(ref, users, expected, 1_000e6);
        _refWarp(ref, users, expected, 10 days);

        for (uint256 i = 0; i < 3; i++) {
            assertApproxEqAbs(pool.claimableRevenue(users[i]) + claimed[i], expected[i], 3);
        }
    }

    struct Ref {
        uint256 remaining;
        uint256 last;
        uint256 end;
    }

    function _refRelease(Ref memory ref, address[3] memory users, uint256[3] memory expected, uint256 to) private view {
        if (ref.remaining == 0 || to <= ref.last) return;
        uint256 released = to >= ref.end ? ref.remaining : Math.mulDiv(ref.remaining, to - ref.last, ref.end - ref.last);
        ref.remaining -= released;
        uint256 supply = pool.totalSupply();
        for (uint256 i = 0; i < 3; i++) {
            expected[i] += Math.mulDiv(released, pool.balanceOf(users[i]), supply);
        }
        ref.last = to;
    }

    function _refWarp(Ref memory ref, address[3] memory users, uint256[3] memory expected, uint256 by) private {
        _refRelease(ref, users, expected, block.timestamp + by);
        ref.last = block.timestamp + by;
        vm.warp(block.timestamp + by);
    }

    function _refDistribute(Ref memory ref, address[3] memory users, uint256[3] memory expected, uint256 gross)
        private
    {
        _refRelease(ref, users, expected, block.timestamp);
        _distribute(gross);
        // The amount-weighted merge: the running stream keeps its time left, the new amount gets a full window.
        uint256 amount = _net(gross);
        uint256 left = ref.end > block.timestamp ? ref.end - block.timestamp : 0;
        ref.end = block.timestamp + (ref.remaining * left + amount * STREAM) / (ref.remaining + amount);
        ref.remaining += amount;
        ref.last = block.timestamp;
    }

    function testFuzz_twoHolders_splitProRata(uint256 a, uint256 b, uint256 gross) public {
        a = bound(a, MIN_DEPOSIT, CAP / 2);
        b = bound(b, MIN_DEPOSIT, CAP / 2);
        gross = bound(gross, 1e6, 1e13);
        _deposit(alice, a);
        _deposit(bob, b);
        _distribute(gross);
        vm.warp(block.timestamp + STREAM);
        uint256 ca = pool.claimableRevenue(alice);
        uint256 cb = pool.claimableRevenue(bob);
        uint256 net = _net(gross);
        assertLe(ca + cb, net, "never more than distributed");
        assertApproxEqAbs(ca + cb, net, 2, "nothing lost beyond rounding");
        assertApproxEqAbs(ca, Math.mulDiv(net, a, a + b), 2);
    }

    /// A whale's supply and a one-wei distribution: the accumulator keeps it.
    function test_precision_largeSupplyTinyRevenue() public {
        vm.prank(manager);
        pool.setDepositLimits(type(uint64).max, MIN_DEPOSIT);
        _deposit(alice, 1e15); // one billion USDC
        _deposit(bob, 10_000e6); // a 0.001 % holder
        for (uint256 i = 0; i < 10; i++) {
            _distribute(assetA, 1e6);
        }
        vm.warp(block.timestamp + STREAM);
        uint256 total = pool.claimableRevenue(alice) + pool.claimableRevenue(bob);
        assertApproxEqAbs(total, 10 * _net(1e6), 2);
        // 9 USDC of net revenue × 1e-5 = 90 base units: the small holder's share survives the accumulator.
        assertApproxEqAbs(pool.claimableRevenue(bob), 90, 1);
    }
}
