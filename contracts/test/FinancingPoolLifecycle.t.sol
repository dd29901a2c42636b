// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";

/// Lifecycle (raising, active, closed) and the protocol fee.
contract FinancingPoolLifecycleTest is PoolSecurityFixture {
    // ─── Lifecycle ──────────────────────────────────────────────────────────────────────────────────────

    function test_lifecycle_activateFromRaising() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(PoolStorage.Status.Raising, PoolStorage.Status.Active);
        vm.prank(manager);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Active));

        vm.expectRevert(
            abi.encodeWithSelector(
                PoolStorage.InvalidStatusChange.selector, PoolStorage.Status.Active, PoolStorage.Status.Active
            )
        );
        vm.prank(manager);
        pool.activate();
        // Deposits still open while Active.
        _deposit(alice, 100e6);
        assertEq(pool.totalAssets(), 100e6);
    }

    function test_lifecycle_firstDeployCapitalActivates() public {
        _deposit(alice, 1_000e6);
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(PoolStorage.Status.Raising, PoolStorage.Status.Active);
        _deploy(assetA, 100e6);
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Active));

        // A second deployment does not emit another status change.
        vm.recordLogs();
        _deploy(assetA, 100e6);
        assertEq(vm.getRecordedLogs().length, 2, "Transfer + CapitalDeployed only");
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Active));
    }

    function test_lifecycle_closeFromRaisingOrActive() public {
        vm.expectEmit(false, false, false, true, address(pool));
        emit PoolStatusChanged(PoolStorage.Status.Raising, PoolStorage.Status.Closed);
        vm.prank(manager);
        pool.close();
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Closed));

        FinancingPool other = _secondPool();
        vm.startPrank(manager);
        other.activate();
        vm.expectEmit(false, false, false, true, address(other));
        emit PoolStatusChanged(PoolStorage.Status.Active, PoolStorage.Status.Closed);
        other.close();
        vm.stopPrank();
        assertEq(uint8(other.status()), uint8(PoolStorage.Status.Closed));
    }

    function test_lifecycle_invalidTransitionsRevert() public {
        vm.prank(manager);
        pool.close();
        vm.expectRevert(
            abi.encodeWithSelector(
                PoolStorage.InvalidStatusChange.selector, PoolStorage.Status.Closed, PoolStorage.Status.Closed
            )
        );
        vm.prank(manager);
        pool.close();
        vm.expectRevert(
            abi.encodeWithSelector(
                PoolStorage.InvalidStatusChange.selector, PoolStorage.Status.Closed, PoolStorage.Status.Active
            )
        );
        vm.prank(manager);
        pool.activate();
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Closed));
    }

    function test_lifecycle_closedBlocksDepositsAndDeployment_allowsRepaymentRevenueAndExits() public {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 1_800e6);
        vm.prank(manager);
        pool.close();

        assertEq(pool.maxDeposit(carol), 0);
        assertEq(pool.maxMint(carol), 0);
        usdc.mint(carol, 100e6);
        vm.startPrank(carol);
        usdc.approve(address(pool), 100e6);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 100e6, 0));
        pool.deposit(100e6, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxMint.selector, carol, 1e18, 0));
        pool.mint(1e18, carol);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, carol, 0, 0));
        pool.deposit(0, carol);
        vm.stopPrank();

        vm.expectRevert(PoolStorage.DepositsClosed.selector);
        vm.prank(manager);
        pool.deployCapital(assetA, 100e6);

        // Exits: instant up to idle, then queued.
        vm.prank(alice);
        assertEq(pool.redeem(200e18, alice, alice), 200e6);
        vm.prank(bob);
        uint256 id = pool.requestRedeem(500e18, bob, bob);
        assertEq(pool.pendingRedeemRequest(id, bob), 500e18);

        // Repayments come in and fill the queue; revenue is distributed and claimed.
        _repay(assetA, 700e6);
        _fill();
        assertEq(pool.claimableRedeemRequest(id, bob), 500e18);
        assertEq(pool.idle(), 200e6);
        _distribute(1_000e6);
        vm.warp(block.timestamp + STREAM);
        vm.prank(alice);
        assertGt(pool.claim(alice), 0);
        vm.prank(bob);
        assertEq(pool.redeem(500e18, bob, bob), 500e6);
        _impair(assetA, 100e6);
        vm.prank(manager);
        pool.recordWriteDown(assetA, 100e6);
        assertEq(pool.outstandingPrincipal(), 1_000e6);
        _assertBooks(pool);
    }

    // ─── Protocol fee ───────────────────────────────────────────────────────────────────────────────────

    function test_setProtocolFee_capAndValidation() public {
        address newTreasury = makeAddr("newTreasury");
        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 2_001);
        vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(address(0), 100);

        vm.expectEmit(false, false, false, true, address(pool));
        emit ProtocolFeeUpdated(newTreasury, 2_000);
        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 2_000);
        assertEq(pool.treasury(), newTreasury);
        assertEq(pool.protocolFeeBps(), 2_000);

        // The new fee and treasury apply to the next distribution.
        _deposit(alice, 100e6);
        _distribute(1_000e6);
        assertEq(usdc.balanceOf(newTreasury), 200e6);
        assertEq(usdc.balanceOf(treasury), 0);
        assertEq(pool.revenueHeld(), 800e6);

        vm.prank(admin);
        pool.setProtocolFee(newTreasury, 0);
        _distribute(1_000e6);
        assertEq(usdc.balanceOf(newTreasury), 200e6);
        assertEq(pool.revenueHeld(), 1_800e6);
    }

    function testFuzz_setProtocolFee_bounds(uint16 fee) public {
        if (fee > 2_000) vm.expectRevert(PoolStorage.InvalidParameter.selector);
        vm.prank(admin);
        pool.setProtocolFee(treasury, fee);
        assertEq(pool.protocolFeeBps(), fee > 2_000 ? FEE_BPS : fee);
    }
}
