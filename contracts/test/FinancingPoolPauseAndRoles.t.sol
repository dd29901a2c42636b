// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";

/// The guardian's pause, and what each role may and may not call.
contract FinancingPoolPauseAndRolesTest is PoolSecurityFixture {
    // ─── Pause ──────────────────────────────────────────────────────────────────────────────────────────

    /// Pause stops every movement of principal and shares and every manager and reporter action; what is owed
    /// stays collectable: revenue claims, claims of filled redemptions, and cancelling a pending request.
    function test_pause_stopsEverythingButClaimsAndCancel() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 1_500e6);
        _distribute(100e6);
        vm.warp(block.timestamp + 1 days);
        vm.prank(bob);
        uint256 bobRequest = pool.requestRedeem(600e18, bob, bob);
        _fill(); // 500 filled from idle, 100 pending
        (uint128 bobClaimableShares, uint128 bobClaimableAssets) = pool.claimableRedemption(bob);
        assertEq(bobClaimableAssets, 500e6);
        assertEq(pool.pendingRedeemRequest(bobRequest, bob), 100e18);
        _repay(assetA, 400e6); // idle for instant exits, once unpaused

        vm.expectEmit(false, false, false, true, address(pool));
        emit Pausable.Paused(guardian);
        vm.prank(guardian);
        pool.pause();
        assertTrue(pool.paused());
        assertEq(pool.maxDeposit(alice), 0);
        assertEq(pool.maxMint(alice), 0);
        assertEq(pool.maxWithdraw(alice), 0, "no instant exit while paused");
        assertEq(pool.maxRedeem(alice), 0);

        // Deposits.
        usdc.mint(carol, 1_000e6);
        vm.startPrank(carol);
        usdc.approve(address(pool), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.deposit(100e6, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, carol, 100e18, 0));
        pool.mint(100e18, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.depositWithPermit(100e6, carol, block.timestamp, 0, bytes32(0), bytes32(0));
        // Even a zero deposit is refused as over the limit (nothing may be deposited while paused).
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 0, 0));
        pool.deposit(0, carol);
        vm.stopPrank();

        // Instant exits, transfers, requests and fills.
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxRedeem.selector, alice, 100e18, 0));
        pool.redeem(100e18, alice, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, 100e6, 0));
        pool.withdraw(100e6, alice, alice);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.transfer(carol, 1e18);
        pool.approve(carol, 1e18);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.requestRedeem(100e18, alice, alice);
        vm.stopPrank();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(carol);
        pool.transferFrom(alice, carol, 1e18);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.fillRedemptions(10);

        // Revenue.
        usdc.mint(reporter, 200e6);
        vm.startPrank(reporter);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.distributeRevenue(assetA, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        PoolStorage.Distribution[] memory ds = new PoolStorage.Distribution[](1);
        ds[0] = PoolStorage.Distribution(assetA, 100e6, uint64(block.timestamp - 1 days), uint64(block.timestamp));
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.distributeRevenueBatch(ds);
        vm.stopPrank();

        // Every manager action.
        usdc.mint(manager, 100e6);
        vm.startPrank(manager);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.deployCapital(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordRepayment(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.markImpairment(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordWriteDown(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.recordRecovery(assetA, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.activate();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.close();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.setDepositLimits(CAP, MIN_DEPOSIT);
        vm.stopPrank();

        // Still open: revenue claims, claims of filled redemptions, cancellation.
        vm.prank(alice);
        uint256 revenue = pool.claim(alice);
        assertGt(revenue, 0);
        vm.prank(bob);
        assertEq(pool.redeem(bobClaimableShares, bob, bob), 500e6);
        vm.prank(bob);
        pool.cancelRedeemRequest(bobRequest, bob);
        assertEq(pool.lockedShares(bob), 0);
        assertEq(pool.pendingRedeemShares(), 0);
        assertEq(usdc.balanceOf(bob), 500e6);

        // Unpause restores everything.
        vm.prank(guardian);
        pool.unpause();
        assertFalse(pool.paused());
        assertEq(pool.maxDeposit(carol), CAP - pool.totalAssets());
        vm.prank(carol);
        assertEq(pool.deposit(100e6, carol), 100e18);
        _distribute(100e6);
        vm.prank(alice);
        pool.withdraw(100e6, alice, alice);
        assertEq(usdc.balanceOf(alice), revenue + 100e6);
        vm.prank(alice);
        pool.transfer(carol, 1e18);
        _assertBooks(pool);
    }

    function test_pause_invalidTransitionsRevert() public {
        vm.expectRevert(Pausable.ExpectedPause.selector);
        vm.prank(guardian);
        pool.unpause();
        vm.prank(guardian);
        pool.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(guardian);
        pool.pause();
    }

    // ─── Roles ──────────────────────────────────────────────────────────────────────────────────────────

    function test_roles_everyPrivilegedFunctionRejectsOthers() public {
        PoolStorage.Distribution[] memory ds = new PoolStorage.Distribution[](0);
        address[3] memory outsiders = [stranger, operator, alice];
        for (uint256 i = 0; i < outsiders.length; i++) {
            address who = outsiders[i];
            vm.startPrank(who);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.activate();
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.close();
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.setDepositLimits(1, 0);
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.setProtocolFee(who, 0);
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.setAssetLimit(assetA, type(uint128).max);
            vm.expectRevert(_unauthorized(who, guardianRole));
            pool.pause();
            vm.expectRevert(_unauthorized(who, guardianRole));
            pool.unpause();
            vm.expectRevert(_unauthorized(who, complianceRole));
            pool.setAllowed(who, true);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.deployCapital(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordRepayment(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.markImpairment(assetA, 1);
            // Lowering a provision is the admin's.
            vm.expectRevert(_unauthorized(who, adminRole));
            pool.markImpairment(assetA, 0);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordWriteDown(assetA, 1);
            vm.expectRevert(_unauthorized(who, managerRole));
            pool.recordRecovery(assetA, 1);
            vm.expectRevert(_unauthorized(who, reporterRole));
            pool.distributeRevenue(assetA, 1, 0, 1);
            vm.expectRevert(_unauthorized(who, reporterRole));
            pool.distributeRevenueBatch(ds);
            vm.stopPrank();
        }
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Raising));
        assertFalse(pool.paused());
        assertEq(pool.depositCap(), CAP);
        assertEq(pool.treasury(), treasury);
    }

    function test_roles_areSeparated() public {
        // The admin holds no operational role; each operational role holds only its own.
        vm.expectRevert(_unauthorized(admin, managerRole));
        vm.prank(admin);
        pool.activate();
        vm.expectRevert(_unauthorized(admin, guardianRole));
        vm.prank(admin);
        pool.pause();
        vm.expectRevert(_unauthorized(admin, reporterRole));
        vm.prank(admin);
        pool.distributeRevenue(assetA, 1, 0, 1);
        vm.expectRevert(_unauthorized(admin, complianceRole));
        vm.prank(admin);
        pool.setAllowed(alice, true);

        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.setProtocolFee(manager, 0);
        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.setAssetLimit(assetA, type(uint128).max);
        vm.expectRevert(_unauthorized(manager, guardianRole));
        vm.prank(manager);
        pool.pause();
        vm.expectRevert(_unauthorized(manager, reporterRole));
        vm.prank(manager);
        pool.distributeRevenue(assetA, 1, 0, 1);

        vm.expectRevert(_unauthorized(reporter, managerRole));
        vm.prank(reporter);
        pool.deployCapital(assetA, 1);
        vm.expectRevert(_unauthorized(guardian, managerRole));
        vm.prank(guardian);
        pool.close();
        vm.expectRevert(_unauthorized(guardian, adminRole));
        vm.prank(guardian);
        pool.setProtocolFee(guardian, 0);
        vm.expectRevert(_unauthorized(compliance, managerRole));
        vm.prank(compliance);
        pool.deployCapital(assetA, 1);
    }

    function test_roles_adminCanGrantAndRevoke() public {
        vm.prank(admin);
        pool.grantRole(managerRole, stranger);
        vm.prank(stranger);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Active));

        vm.prank(admin);
        pool.revokeRole(managerRole, stranger);
        vm.expectRevert(_unauthorized(stranger, managerRole));
        vm.prank(stranger);
        pool.close();

        vm.expectRevert(_unauthorized(manager, adminRole));
        vm.prank(manager);
        pool.grantRole(managerRole, stranger);
    }
}
