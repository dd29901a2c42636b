// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {TranchedPool} from "../../src/tranche/TranchedPool.sol";
import {TrancheVault, ITranchedPool} from "../../src/tranche/TrancheVault.sol";
import {TrancheWaterfall} from "../../src/tranche/TrancheWaterfall.sol";
import {TranchedPoolFixture} from "./TranchedPoolFixture.sol";

/// @notice A tranched pool end to end: deposits per tranche within the subordination limit, the revenue waterfall
/// into each vault's stream, losses junior first and recoveries senior first, exits, pause and roles.
contract TranchedPoolTest is TranchedPoolFixture {
    function setUp() public override {
        super.setUp();
        _deposit(junior, alice, 250_000 * USDC);
        _deposit(senior, bob, 1_000_000 * USDC);
        vm.prank(manager);
        pool.deployCapital(assetA, 1_000_000 * USDC);
    }

    function test_eachTrancheIsAnErc4626VaultOverItsShareOfThePool() public view {
        assertEq(senior.totalAssets(), 1_000_000 * USDC);
        assertEq(junior.totalAssets(), 250_000 * USDC);
        assertEq(senior.convertToAssets(senior.balanceOf(bob)), 1_000_000 * USDC);
        assertEq(pool.totalValue(), 1_250_000 * USDC);
        assertEq(pool.idle(), 250_000 * USDC);
        assertEq(usdc.balanceOf(address(pool)), 250_000 * USDC);
        assertEq(pool.subordinationBps(), 2_000);
    }

    function test_aSeniorDepositBeyondTheSubordinationLimitIsRefusedAndSaysWhy() public {
        (uint256 room, bool bySubordination) = pool.maxDeposit(true);
        assertEq(room, 0);
        assertTrue(bySubordination, "the subordination limit, not the cap, blocks senior");
        assertEq(senior.maxDeposit(carol), 0);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 1_000 * USDC, 0));
        senior.deposit(1_000 * USDC, carol);

        // More junior makes room for senior: 300,000 × 5 − 1,300,000.
        _deposit(junior, carol, 50_000 * USDC);
        assertEq(senior.maxDeposit(carol), 200_000 * USDC);
        _deposit(senior, carol, 200_000 * USDC);
        assertEq(pool.subordinationBps(), 2_000);
    }

    function test_aJuniorExitBeyondTheSubordinationLimitIsRefused() public {
        (uint256 room, bool bySubordination) = pool.maxWithdraw(false);
        assertEq(room, 0);
        assertTrue(bySubordination);
        vm.prank(alice);
        vm.expectRevert();
        junior.withdraw(1 * USDC, alice, alice);
        // Senior may leave from idle cash, which makes room for junior.
        vm.prank(bob);
        senior.withdraw(200_000 * USDC, bob, bob);
        assertEq(junior.maxWithdraw(alice), 50_000 * USDC);
        vm.prank(alice);
        junior.withdraw(50_000 * USDC, alice, alice);
        assertEq(pool.subordinationBps(), 2_000);
    }

    function test_revenueIsSplitFeeSeniorInterestJuniorAndStreamedToEachTranche() public {
        vm.warp(block.timestamp + 30 days);
        uint256 treasuryBefore = usdc.balanceOf(treasury);
        _distribute(assetA, 20_000 * USDC);
        uint256 seniorPart = 6_575_342_465; // 1,000,000 × 8 % × 30/365
        assertEq(usdc.balanceOf(treasury) - treasuryBefore, 2_000 * USDC);
        assertEq(senior.revenueHeld(), seniorPart);
        assertEq(junior.revenueHeld(), 18_000 * USDC - seniorPart);
        assertEq(pool.seniorInterestOwed(), 0);

        // Streamed over 7 days: nothing at once, all of it after.
        assertEq(senior.claimableRevenue(bob), 0);
        vm.warp(block.timestamp + STREAM);
        assertApproxEqAbs(senior.claimableRevenue(bob), seniorPart, 1);
        assertApproxEqAbs(junior.claimableRevenue(alice), 18_000 * USDC - seniorPart, 1);
        vm.prank(bob);
        uint256 paid = senior.claim(bob);
        assertApproxEqAbs(paid, seniorPart, 1);
        // Revenue is cash: the tranches' values did not move.
        assertEq(senior.totalAssets(), 1_000_000 * USDC);
        assertEq(junior.totalAssets(), 250_000 * USDC);
    }

    function test_aShortfallIsCarriedAndPaidBeforeJuniorGetsAnything() public {
        vm.warp(block.timestamp + 30 days);
        _distribute(assetA, 5_000 * USDC);
        assertEq(senior.revenueHeld(), 4_500 * USDC);
        assertEq(junior.revenueHeld(), 0);
        assertEq(pool.seniorInterestOwed(), 6_575_342_465 - 4_500 * USDC);

        vm.warp(block.timestamp + 30 days);
        vm.recordLogs();
        _distribute(assetA, 20_000 * USDC);
        uint256 owedBoth = 2_075_342_465 + 6_575_342_465 + 1;
        assertEq(senior.revenueHeld(), 4_500 * USDC + owedBoth);
        assertEq(junior.revenueHeld(), 18_000 * USDC - owedBoth);
    }

    function test_lossesFallOnJuniorFirstAndRecoveriesRestoreSeniorFirst() public {
        uint256 seniorPrice = senior.convertToAssets(1e18);
        _impair(assetA, 200_000 * USDC);
        assertEq(junior.totalAssets(), 50_000 * USDC, "junior absorbs the provision");
        assertEq(senior.totalAssets(), 1_000_000 * USDC);
        assertEq(senior.convertToAssets(1e18), seniorPrice, "senior's price does not move");

        // A write-down beyond the provision (the admin's): junior's last 50,000, then 100,000 of senior.
        vm.prank(admin);
        pool.recordWriteDown(assetA, 350_000 * USDC);
        assertEq(junior.totalAssets(), 0);
        assertEq(senior.totalAssets(), 900_000 * USDC);
        assertEq(pool.seniorLoss(), 100_000 * USDC);

        // Money recovered: senior's 100,000 first, junior the rest.
        vm.prank(manager);
        pool.recordRecovery(assetA, 180_000 * USDC);
        assertEq(senior.totalAssets(), 1_000_000 * USDC);
        assertEq(junior.totalAssets(), 80_000 * USDC);
        assertEq(pool.seniorLoss(), 0);
    }

    function test_aProvisionLoweredOrRepaidRestoresSeniorFirst() public {
        _impair(assetA, 400_000 * USDC); // junior 0, senior 850,000
        assertEq(senior.totalAssets(), 850_000 * USDC);
        // The operator repays 700,000 of the 1,000,000: the provision is capped at the 300,000 left.
        vm.prank(manager);
        pool.recordRepayment(assetA, 700_000 * USDC);
        assertEq(senior.totalAssets(), 950_000 * USDC);
        assertEq(junior.totalAssets(), 0);
        vm.prank(admin);
        pool.markImpairment(assetA, 0);
        assertEq(senior.totalAssets(), 1_000_000 * USDC);
        assertEq(junior.totalAssets(), 250_000 * USDC);
    }

    function test_seniorInterestAccruesOnSeniorValueAfterALoss() public {
        _impair(assetA, 450_000 * USDC); // senior worth 800,000
        vm.warp(block.timestamp + 365 days);
        assertEq(pool.seniorInterestOwed(), 64_000 * USDC);
    }

    function test_aDepositJustBeforeADistributionDoesNotCaptureIt() public {
        vm.warp(block.timestamp + 30 days);
        _deposit(junior, carol, 250_000 * USDC); // as much as alice holds, one block before
        _distribute(assetA, 20_000 * USDC);
        vm.warp(block.timestamp + 1 hours);
        // One hour of a seven-day stream, shared: carol gets half of 1/168 of junior's part, not half of it.
        uint256 juniorPart = 18_000 * USDC - 6_575_342_465;
        assertApproxEqAbs(junior.claimableRevenue(carol), juniorPart / 168 / 2, 2);
    }

    function test_sharesCarryTheirRevenueWithThem() public {
        vm.warp(block.timestamp + 30 days);
        _distribute(assetA, 20_000 * USDC);
        vm.warp(block.timestamp + STREAM);
        uint256 owed = junior.claimableRevenue(alice);
        uint256 half = junior.balanceOf(alice) / 2;
        vm.prank(alice);
        junior.transfer(carol, half);
        // Rounded against the holder by a base unit at most: the vault never owes more than it holds.
        assertApproxEqAbs(junior.claimableRevenue(alice), owed, 1, "what was owed stays with its holder");
        assertLe(junior.claimableRevenue(alice), owed);
        assertEq(junior.claimableRevenue(carol), 0);
    }

    function test_pauseStopsMovesButNotClaims() public {
        vm.warp(block.timestamp + 30 days);
        _distribute(assetA, 20_000 * USDC);
        vm.warp(block.timestamp + STREAM);
        vm.prank(guardian);
        pool.pause();
        assertEq(senior.maxWithdraw(bob), 0);
        assertEq(junior.maxDeposit(carol), 0);
        vm.prank(carol);
        vm.expectRevert();
        junior.deposit(1_000 * USDC, carol);
        vm.prank(bob);
        vm.expectRevert(TrancheVault.EnforcedPause.selector);
        senior.transfer(carol, 1e18);
        vm.prank(bob);
        assertGt(senior.claim(bob), 0, "claims work while paused");
    }

    function test_onlyTheVaultsMovePrincipalAndTheyAttachOnce() public {
        vm.expectRevert(abi.encodeWithSelector(TranchedPool.NotATranche.selector, carol));
        vm.prank(carol);
        pool.trancheWithdraw(1, 1, 1, carol);
        vm.expectRevert(abi.encodeWithSelector(TranchedPool.NotATranche.selector, carol));
        vm.prank(carol);
        pool.trancheDeposit(1);
        vm.expectRevert(abi.encodeWithSelector(TrancheVault.NotPool.selector, carol));
        vm.prank(carol);
        senior.notifyRevenue(1);
        TrancheVault other = new TrancheVault(usdc, ITranchedPool(address(pool)), true, "x", "x", STREAM);
        vm.prank(admin);
        vm.expectRevert(TranchedPool.TranchesAlreadyAttached.selector);
        pool.attachTranches(other, junior);
    }

    function test_rolesAreBounded() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, reporter, pool.POOL_MANAGER_ROLE()
            )
        );
        vm.prank(reporter);
        pool.deployCapital(assetA, 1);
        // The manager cannot lower a provision nor write down beyond it: the admin's (a timelock).
        _impair(assetA, 100_000 * USDC);
        vm.startPrank(manager);
        vm.expectRevert();
        pool.markImpairment(assetA, 50_000 * USDC);
        vm.expectRevert(
            abi.encodeWithSelector(TranchedPool.ExceedsProvision.selector, assetA, 150_000 * USDC, 100_000 * USDC)
        );
        pool.recordWriteDown(assetA, 150_000 * USDC);
        vm.expectRevert();
        pool.setTrancheTerms(0, 0);
        vm.stopPrank();
        vm.expectRevert(TrancheWaterfall.InvalidTerms.selector);
        vm.prank(admin);
        pool.setTrancheTerms(6_000, 2_000);
    }

    function test_feePlusTranchesIsTheRevenueAndTheUsdcIsAllAccountedFor() public {
        vm.warp(block.timestamp + 17 days);
        _distribute(assetB, 12_345_678_901);
        uint256 held = usdc.balanceOf(address(pool));
        assertEq(held, pool.idle(), "the pool holds exactly its idle cash");
        assertEq(usdc.balanceOf(address(senior)), senior.revenueHeld());
        assertEq(usdc.balanceOf(address(junior)), junior.revenueHeld());
        assertEq(
            usdc.balanceOf(treasury) + senior.revenueHeld() + junior.revenueHeld(), 12_345_678_901, "to the base unit"
        );
    }
}
